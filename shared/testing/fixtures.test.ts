/**
 * The fixture gate: a suite that needs the team's fixtures skips, saying why,
 * on a machine without them, and fails under CI, where a skip would read as
 * green. Checked by running a real fixture suite in a child vitest.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './fixtures';

const SUITE = 'shared/qa/seed-fixture.test.ts';

function runSuite(env: Record<string, string>) {
  const vitest = join(REPO_ROOT, 'node_modules', '.bin', 'vitest');
  const { status, stdout, stderr } = spawnSync(vitest, ['run', SUITE, '--reporter=verbose'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, DUET_FIXTURES: join(REPO_ROOT, 'no-such-fixtures-folder'), CI: '', ...env },
  });
  return { status, output: stdout + stderr };
}

describe('suites that need the team fixtures', () => {
  test('skip with the reason when the fixtures are absent on a developer machine', () => {
    const { status, output } = runSuite({});
    expect(output).toContain('team fixtures not found at');
    expect(output).toMatch(/skipped/i);
    expect(status).toBe(0);
  }, 60_000);

  test('fail under CI=true when the fixtures are absent', () => {
    const { status, output } = runSuite({ CI: 'true' });
    expect(output).toContain('CI=true requires them');
    expect(status).not.toBe(0);
  }, 60_000);
});
