/**
 * Running the `duet` command in-process for tests: its real code against a
 * real data folder, with stdout and stderr captured.
 */
import { main } from '../cli';
import { openDataFolder } from '../store/data-dir';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function duet(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

export function articleCount(data: string): number {
  const folder = openDataFolder(data);
  try {
    return folder.articles.list().length;
  } finally {
    folder.close();
  }
}
