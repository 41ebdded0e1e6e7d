/**
 * Running git on the site's clone: always `execFile` (arguments are never
 * parsed by a shell), always `-C <repo>`, with an environment Duet controls:
 * inherited GIT_* variables (GIT_DIR, GIT_INDEX_FILE, GIT_WORK_TREE… could
 * point git elsewhere) are dropped, prompts are off, and the settings that
 * would change the bytes committed or run the clone's own code are
 * overridden on the command line: line-ending conversion, signing, hooks.
 * The user's and system's git configuration is otherwise kept, so a push can
 * use the credentials an admin set up.
 */
import { execFile } from 'node:child_process';

export interface GitOptions {
  /** Extra environment (GIT_AUTHOR_NAME…). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args[0] ?? ''} failed: ${stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${String(exitCode)}`}`);
    this.name = 'GitError';
  }
}

const OVERRIDES = [
  '-c',
  'core.autocrlf=false',
  '-c',
  'core.safecrlf=false',
  '-c',
  'core.quotePath=false',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
];

export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...extra };
}

/** Run `git -C repo …args`; resolves with stdout, throws GitError with git's own message. */
export function git(repo: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', repo, ...OVERRIDES, ...args],
      { env: gitEnvironment(options.env), timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === 'number' ? error.code : null;
          const why = error.killed ? `${stderr}\n(stopped after ${(options.timeoutMs ?? 60_000) / 1000} s)` : stderr || error.message;
          reject(new GitError(args, why, code));
        } else resolve(stdout);
      },
    );
  });
}
