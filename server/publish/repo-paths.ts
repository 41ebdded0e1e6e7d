/**
 * Paths inside the site's repository, checked against the real file system
 * before anything is written: every part of a path must be a real folder
 * (never a symbolic link, which could lead outside the repository or into
 * .git), and the file itself, if it exists, a regular file. The names were
 * already checked as text (shared/publish/untrusted-names.ts); this catches
 * what only the disk knows.
 */
import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DuetError } from '../../shared/protocol/errors';
import { fileNameProblem, folderProblem } from '../../shared/publish/untrusted-names';
import { git } from './git';

const refuse = (message: string) => new DuetError('invalid_input', message);

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The repository's real path; throws unless `configured` is the top folder of a git work tree. */
export async function repositoryRoot(configured: string): Promise<string> {
  if (!isAbsolute(configured)) throw refuse(`the repository path ${JSON.stringify(configured)} must be absolute`);
  let real: string;
  try {
    real = realpathSync(configured);
  } catch {
    throw refuse(`the repository ${configured} does not exist`);
  }
  if (!statSync(real).isDirectory()) throw refuse(`the repository ${configured} is not a folder`);
  let top: string;
  try {
    top = (await git(real, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw refuse(`${configured} is not a git repository (git rev-parse failed there)`);
  }
  if (realpathSync(top) !== real) throw refuse(`${configured} is inside the git repository ${top}; configure its top folder`);
  return real;
}

/** Split and check a "/"-separated path relative to the repository. */
export function checkRelativePath(relative: string): string[] {
  const parts = relative.split('/');
  const name = parts.pop() ?? '';
  const problem = (parts.length > 0 ? folderProblem(parts.join('/')) : null) ?? fileNameProblem(name);
  if (problem) throw refuse(`refusing to write ${JSON.stringify(relative)}: ${problem}`);
  return [...parts, name];
}

/**
 * The absolute path of `relative` inside `root`, after checking that every
 * existing folder on the way is a real folder and the file, if it exists, a
 * regular file. Creates nothing.
 */
export function fileInRepository(root: string, relative: string): string {
  const parts = checkRelativePath(relative);
  let path = root;
  for (const [index, part] of parts.entries()) {
    path = join(path, part);
    const stat = lstatOrNull(path);
    if (!stat) break;
    const last = index === parts.length - 1;
    if (stat.isSymbolicLink()) throw refuse(`refusing to write ${relative}: ${parts.slice(0, index + 1).join('/')} is a symbolic link`);
    if (!last && !stat.isDirectory()) throw refuse(`refusing to write ${relative}: ${parts.slice(0, index + 1).join('/')} is not a folder`);
    if (last && !stat.isFile()) throw refuse(`refusing to write ${relative}: it exists and is not a regular file`);
  }
  return join(root, ...parts);
}

/** Create the folders of `relative` one by one, checking each is a real folder after it exists. */
export function makeFolders(root: string, relative: string): void {
  const parts = checkRelativePath(relative).slice(0, -1);
  let path = root;
  for (const part of parts) {
    path = join(path, part);
    if (!lstatOrNull(path)) mkdirSync(path);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink() || !stat.isDirectory()) throw refuse(`refusing to write ${relative}: ${path} is not a real folder`);
  }
}
