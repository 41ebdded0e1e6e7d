/**
 * The team's published work seeds the memory. The administrator opens "Align
 * published work", chooses the Zhihu answer's Chinese source and the post
 * the site published from it, and sees their blocks paired side by side. She
 * corrects what she disagrees with (a block moved across a boundary, a row
 * unpaired, a correction undone) and adds the pairs to the memory. The next
 * day a translator starts an article that quotes one of those sentences,
 * and the memory offers the published translation.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { doc, p } from '../shared/testing/builders';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE } from '../shared/testing/fixtures';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { PASSWORD, startDuet, storeArticle } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually, SignInPage } from './support/pages';

describe.skipIf(!HAVE_FIXTURES)(`aligning published work into the memory (${HAVE_FIXTURES ? 'fixtures present' : NO_FIXTURES_REASON})`, () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startDuet();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an admin aligns a published post with its source, corrects two rows, and the memory offers its sentences to a translator', async () => {
    const admin = await newUser(browser, server.baseUrl);
    const page = admin.page;
    await SignInPage.from(page, 'admin', PASSWORD);
    await page.getByTestId('align-link').click();
    await page.getByTestId('align-source-file').setInputFiles(join(FIXTURES, 'sources', 'zhihu-372335557.html'));
    await page.getByTestId('align-published-file').setInputFiles(SEED_ARTICLE);
    await page.getByTestId('align-propose').click();

    const summary = page.getByTestId('align-summary');
    await eventually(() => summary.textContent()).toContain('43 Chinese blocks, 51 English blocks');
    const rows = page.getByTestId('align-row');
    const total = await rows.count();
    const confirm = page.getByTestId('align-confirm');
    const pairsOffered = async () => Number(/Add (\d+) pairs/.exec((await confirm.textContent()) ?? '')?.[1]);
    const proposedPairs = await pairsOffered();
    await screenshot(page, 'align-proposed.png');

    // The row of the intubation team: its English block moved down to the row below, then the move undone.
    const signedUp = rows.filter({ hasText: '我报名参加了麻醉插管突击队' });
    const signedUpEnglish = (await signedUp.getAttribute('data-target'))!;
    await signedUp.getByRole('button', { name: /^Move English block \d+ to the row below$/ }).click();
    await eventually(() => rows.filter({ hasText: '我报名参加了麻醉插管突击队' }).getAttribute('data-target')).toBe('');
    await page.getByTestId('align-undo').click();
    await eventually(() => rows.filter({ hasText: '我报名参加了麻醉插管突击队' }).getAttribute('data-target')).toBe(signedUpEnglish);
    expect(await rows.count()).toBe(total);

    // The first row's pair she does not want in the memory: unpaired, it becomes a Chinese row and an English row.
    const first = rows.first();
    const firstChinese = await first.getAttribute('data-source');
    await first.getByTestId('align-unpair').click();
    await eventually(() => rows.count()).toBe(total + 1);
    expect(await rows.nth(0).getAttribute('data-source')).toBe(firstChinese);
    expect(await rows.nth(0).getAttribute('data-target')).toBe('');
    expect(await rows.nth(1).getAttribute('data-source')).toBe('');
    expect(await pairsOffered()).toBe(proposedPairs - 1);

    await confirm.click();
    const status = page.getByTestId('align-status');
    await eventually(() => status.textContent()).toMatch(new RegExp(`^\\d+ of ${proposedPairs - 1} pairs added to the memory`));
    const added = Number(/^(\d+) of/.exec((await status.textContent())!)![1]);
    expect(added).toBeGreaterThan(30);
    const memory = (await (await server.as('admin', '/api/memory')).json()) as { units: number; imported: number };
    expect(memory).toEqual({ units: added, imported: added });
    expect(admin.pageErrors).toEqual([]);

    // A translator's new article quotes the intubation sentence: the published translation is offered at 100 %.
    const sentence = (await signedUp.locator('.align-source .align-text').first().textContent())!;
    const id = storeArticle(server, { segments: [{ source: doc(p(sentence)), target: doc(p()), status: 'untranslated' }] });
    const translator = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(translator.page, id, 'translator', PASSWORD);
    await editor.target(0).click();
    const match = translator.page.getByTestId('matches-pane').getByTestId('memory-match').first();
    await eventually(() => match.getAttribute('data-score')).toBe('100');
    expect(await match.locator('.match-target').textContent()).toMatch(/^I signed up for an anesthesia intubation commando/);
    expect(await match.locator('.match-origin').textContent()).toContain('2020-02-23-how-to-view-ali-damo-ai.md');
    expect(translator.pageErrors).toEqual([]);
  });

  test('a translator sees no way to align, and the page refuses her', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    await SignInPage.from(page, 'translator', PASSWORD);
    await page.getByTestId('article-list').waitFor();
    expect(await page.getByTestId('align-link').count()).toBe(0);
    await page.goto('/memory/align');
    await page.getByTestId('align-source-file').setInputFiles(join(FIXTURES, 'sources', 'zhihu-372335557.html'));
    await page.getByTestId('align-published-file').setInputFiles(SEED_ARTICLE);
    await page.getByTestId('align-propose').click();
    await eventually(() => page.getByTestId('align-status').textContent()).toMatch(/not allowed|permission|may not/i);
    expect(await page.getByTestId('align-row').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
