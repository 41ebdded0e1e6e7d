/**
 * A translator works through a long article by keyboard: type, confirm and
 * jump to the next untranslated segment, move between segments, copy the
 * source's structure, find text in rows far off screen, and look up the
 * shortcuts. A reviewer, meanwhile, can approve but not type.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser } from './support/browser';
import { PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually } from './support/pages';

const SEGMENTS = 300;

describe('working by keyboard', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    const statuses = Array.from({ length: SEGMENTS }, (_, i) => (i === 1 ? ('translated' as const) : ('untranslated' as const)));
    articleId = seedArticle(server, { title: 'A long article', sourceTitle: '长文', statuses });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const focusedRow = (editor: EditorPage) =>
    editor.page.evaluate(() => document.activeElement?.closest('[data-testid="segment-row"]')?.getAttribute('data-index') ?? null);

  test('confirm, move, copy structure, find far away and ask for help, all from the keyboard', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, articleId, 'translator', PASSWORD);
    // Only the rows near the viewport exist.
    expect(await page.getByTestId('segment-row').count()).toBeLessThan(60);

    // Typing leaves the page where it is: nothing above the rows changes size. (The saved
    // label, "Saving…" then "All changes saved" on every key, used to re-wrap the header.)
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const scroller = document.querySelector('[data-testid="segment-scroller"]')!;
          const counter = window as unknown as { scrollerResizes: number };
          counter.scrollerResizes = -1; // the first callback reports the size it starts with
          new ResizeObserver(() => {
            counter.scrollerResizes += 1;
            resolve();
          }).observe(scroller);
        }),
    );
    await editor.typeInTarget(0, 'The first paragraph.');
    await eventually(() => editor.row(0).getAttribute('data-status')).toBe('draft');
    await eventually(() => editor.isSaved()).toBe(true);
    expect(await editor.saved.textContent()).toBe('All changes saved');
    expect(await page.evaluate(() => (window as unknown as { scrollerResizes: number }).scrollerResizes)).toBe(0);
    await page.keyboard.press('Control+Enter');
    await eventually(() => editor.row(0).getAttribute('data-status')).toBe('translated');
    // Segment 1 is already translated: the caret goes on to segment 2.
    await eventually(() => focusedRow(editor)).toBe('2');

    await page.keyboard.press('Alt+ArrowDown');
    await eventually(() => focusedRow(editor)).toBe('3');
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(() => focusedRow(editor)).toBe('2');

    // The source's structure seeds the empty translation.
    await page.keyboard.press('Control+Shift+S');
    await eventually(() => editor.targetText(2)).toBe('第3段：人工智能正在改变翻译。');

    // Find reaches a row that is not in the page yet, brings it in and puts the caret there.
    await page.keyboard.press('Control+f');
    await page.getByTestId('search-input').fill('第250段');
    await page.getByTestId('search-input').press('Enter');
    await eventually(() => focusedRow(editor)).toBe('249');
    expect(await editor.source(249).textContent()).toContain('第250段');

    // The shortcuts are one keystroke away, even while typing.
    await editor.target(249).click();
    await page.keyboard.press('Control+/');
    await page.getByTestId('help-overlay').waitFor();
    expect(await page.getByTestId('help-overlay').textContent()).toContain('Mark translated');
    await page.keyboard.press('Escape');
    await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  test('a reviewer cannot type in the translation, but can approve it', async () => {
    const reviewer = await EditorPage.open((await newUser(browser, server.baseUrl)).page, articleId, 'reviewer', PASSWORD);
    const translator = await EditorPage.open((await newUser(browser, server.baseUrl)).page, articleId, 'translator', PASSWORD);
    expect(await reviewer.target(1).getAttribute('contenteditable')).toBe('false');
    expect(await reviewer.page.getByText('Read-only').count()).toBe(1);
    const before = await reviewer.targetText(1);
    await reviewer.target(1).click();
    await reviewer.page.keyboard.type('reviewer');
    expect(await reviewer.targetText(1)).toBe(before);

    await reviewer.status(1).selectOption('approved');
    await eventually(() => translator.row(1).getAttribute('data-status')).toBe('approved');
    // A reviewer's chip offers only what the workflow lets a reviewer do from here: send it back (with a comment).
    const options = await reviewer.status(1).locator('option:not([disabled])').allTextContents();
    expect(options).toEqual(['approved', 'send back…']);
    await eventually(() => reviewer.isSaved()).toBe(true);
  });
});
