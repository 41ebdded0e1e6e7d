/**
 * Checks for names that end up in file paths of the site's repository: slugs
 * and file names (which users type) and folders (which admins configure).
 * Each check returns a sentence saying what is wrong, or null; nothing here
 * touches a file system (the server checks real paths again, symlinks
 * included, before it writes: server/publish/repo-paths.ts).
 */

export const MAX_SLUG_LENGTH = 100;
export const MAX_FILE_NAME_LENGTH = 150;
export const MAX_FOLDER_LENGTH = 200;

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- control characters are what this removes or refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Problems every single path component has, whatever it names. */
function componentProblem(value: string, what: string, maxLength: number): string | null {
  if (value === '') return `${what} is empty`;
  if (CONTROL.test(value)) return `${what} ${JSON.stringify(value)} contains a control character`;
  if (value.includes('..')) return `${what} ${JSON.stringify(value)} contains ".."`;
  if (value.startsWith('/') || value.startsWith('\\') || /^[A-Za-z]:/.test(value)) return `${what} ${JSON.stringify(value)} is an absolute path`;
  if (value.includes('/') || value.includes('\\')) return `${what} ${JSON.stringify(value)} contains a slash`;
  if ([...value].length > maxLength) return `${what} is ${[...value].length} characters long; the limit is ${maxLength}`;
  if (value.startsWith('.')) return `${what} ${JSON.stringify(value)} starts with "." (a hidden file)`;
  if (value.startsWith('-')) return `${what} ${JSON.stringify(value)} starts with "-"`;
  if (value.trim() !== value) return `${what} ${JSON.stringify(value)} starts or ends with a space`;
  return null;
}

/**
 * A slug: letters, digits, "-", "_" and "." (not "..", not first), at most
 * MAX_SLUG_LENGTH characters. Letters may be any script's, since Jekyll
 * keeps them; spaces, quotes and other punctuation are refused.
 */
export function slugProblem(slug: string): string | null {
  const problem = componentProblem(slug, 'the slug', MAX_SLUG_LENGTH);
  if (problem) return problem;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]*$/u.test(slug)) return `the slug ${JSON.stringify(slug)} may hold only letters, digits, "-", "_" and "."`;
  return null;
}

/** One file name (no folders). */
export function fileNameProblem(name: string): string | null {
  const problem = componentProblem(name, 'the file name', MAX_FILE_NAME_LENGTH);
  if (problem) return problem;
  if (/[<>:"|?*]/.test(name)) return `the file name ${JSON.stringify(name)} contains a character that is not allowed in file names (<>:"|?*)`;
  return null;
}

/**
 * A folder inside the repository, "/"-separated and relative ("_posts",
 * "assets/media"): no empty, "." or ".." parts, never inside ".git".
 */
export function folderProblem(folder: string): string | null {
  if (folder === '') return 'the folder is empty';
  if (CONTROL.test(folder)) return `the folder ${JSON.stringify(folder)} contains a control character`;
  if (folder.startsWith('/') || folder.startsWith('\\') || /^[A-Za-z]:/.test(folder))
    return `the folder ${JSON.stringify(folder)} is an absolute path; give it relative to the repository`;
  if (folder.includes('\\')) return `the folder ${JSON.stringify(folder)} contains a backslash; separate folders with "/"`;
  if (folder.length > MAX_FOLDER_LENGTH) return `the folder is ${folder.length} characters long; the limit is ${MAX_FOLDER_LENGTH}`;
  for (const part of folder.split('/')) {
    if (part === '' || part === '.') return `the folder ${JSON.stringify(folder)} has an empty or "." part`;
    if (part === '..' || part.includes('..')) return `the folder ${JSON.stringify(folder)} contains ".."`;
    if (part.toLowerCase() === '.git') return `the folder ${JSON.stringify(folder)} is inside .git`;
    if (part.trim() !== part) return `the folder ${JSON.stringify(folder)} has a part that starts or ends with a space`;
  }
  return null;
}
