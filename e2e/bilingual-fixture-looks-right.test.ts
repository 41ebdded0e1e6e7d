/**
 * The real bilingual article in the editor, as a reader sees it: every source
 * block beside its translation, top-aligned, figures with their images and
 * captions, Chinese set in a CJK font and English marked as English.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_PAIRS, type PairsFixture } from '../shared/testing/fixtures';
import { articleFromPairs } from '../shared/testing/pairs';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { PASSWORD, startDuet, storeArticle } from './support/duet';
import { EditorPage } from './support/editor-page';

describe.skipIf(!HAVE_FIXTURES)(`the bilingual article in the editor (${HAVE_FIXTURES ? 'fixtures present' : NO_FIXTURES_REASON})`, () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    articleId = storeArticle(server, {
      ...articleFromPairs(JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture),
      meta: { sourceTitle: '如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术' },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('each source block sits beside its translation, top-aligned, with figures and the right languages', async () => {
    const { page } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, articleId, 'translator', PASSWORD);
    await editor.row(0).waitFor();
    // Top-aligned: in every mounted row the two columns start at the same height.
    const misaligned = await page.$$eval('[data-testid="segment-row"]', (rows) =>
      rows.flatMap((row) => {
        const source = row.querySelector('.segment-source')!.getBoundingClientRect().top;
        const target = row.querySelector('.segment-target')!.getBoundingClientRect().top;
        return Math.abs(source - target) > 1 ? [row.getAttribute('data-index')] : [];
      }),
    );
    expect(misaligned).toEqual([]);
    expect(await editor.source(1).getAttribute('lang')).toBe('zh');
    expect(await editor.target(1).getAttribute('lang')).toBe('en');
    expect(await editor.target(1).getAttribute('spellcheck')).toBe('true');
    await screenshot(page, 'editor-bilingual-top.png');

    // Scroll to the first figure: both sides show an image with its caption.
    const figureRow = page.locator('[data-testid="segment-row"]', { has: page.locator('.segment-target figure') }).first();
    await page.getByTestId('segment-scroller').evaluate((element) => (element.scrollTop = 1500));
    await figureRow.waitFor();
    await figureRow.scrollIntoViewIfNeeded();
    expect(await figureRow.locator('.segment-source figure img').getAttribute('src')).toMatch(/^https:\/\/pic\d\.zhimg\.com\//);
    expect(await figureRow.locator('.segment-target figcaption').textContent()).toBe('Precious image from a contaminated cell phone in an isolation ward');
    await screenshot(page, 'editor-bilingual-figure.png');
  });
});
