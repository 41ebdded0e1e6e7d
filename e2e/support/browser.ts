/**
 * Debian's Chromium driven by playwright-core: one browser per test file, one
 * context (its own cookies and storage, like a separate person's machine) per user.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFailed } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

let users = 0;

/**
 * Generous because a loaded 2-core machine (CI, or colleagues' benchmarks) can
 * starve Chromium for seconds; still short enough that a step which never
 * happens fails well inside the e2e run's 90 s test timeout (package.json),
 * with Playwright's message naming the step.
 */
export const ACTION_TIMEOUT_MS = 15_000;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The e2e tests use the system Chromium at ${CHROMIUM}; install it with \`apt-get install chromium\` (.ci/run does).`);
  }
  // Playwright gives every launch a fresh temporary profile (user-data dir), removed on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface BrowserUser {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: a story that passes with these has still found a bug. */
  pageErrors: string[];
}

export async function newUser(browser: Browser, baseUrl: string): Promise<BrowserUser> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  const label = `user ${++users}`;
  // A failed story is much easier to understand with what the user was looking at.
  onTestFailed(async () => {
    if (page.isClosed()) return;
    const shot = join(mkdtempSync(join(tmpdir(), 'duet-e2e-failure-')), 'page.png');
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const text = await page
      .locator('body')
      .innerText({ timeout: 1_000 })
      .catch(() => '(unreadable)');
    console.error(
      `[${label}] at ${page.url()}, screenshot ${shot}\n--- page text ---\n${text}\n--- console ---\n${consoleLines.join('\n')}\n--- page errors ---\n${pageErrors.join('\n')}`,
    );
  });
  return { context, page, pageErrors };
}

/**
 * Saved only when DUET_E2E_SCREENSHOTS names a folder: for looking at pages by
 * eye while working on them, not for comparing pixels in CI.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.DUET_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name), fullPage: true });
}
