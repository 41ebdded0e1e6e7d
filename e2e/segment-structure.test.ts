/**
 * Two translators reshape the article while both have it open: a split, a
 * merge, a translator's note and a move, each seen by the other at once. The
 * Chinese source reads as it did throughout: a translator may not reorder it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser } from './support/browser';
import { addAccount, PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage, rowAction } from './support/editor-page';
import { eventually } from './support/pages';

describe('segment structure', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    await addAccount(server, 'bob', 'translator');
    articleId = seedArticle(server, { title: 'Reshaping', sourceTitle: '重组', statuses: ['draft', 'draft', 'draft', 'draft'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const targets = async (editor: EditorPage) => {
    const count = await editor.page.getByTestId('segment-row').count();
    return Promise.all(Array.from({ length: count }, (_, i) => editor.targetText(i)));
  };

  test('split, merge, insert and move are seen by both translators at once', async () => {
    const alice = await EditorPage.open((await newUser(browser, server.baseUrl)).page, articleId, 'translator', PASSWORD);
    const bob = await EditorPage.open((await newUser(browser, server.baseUrl)).page, articleId, 'bob', PASSWORD);
    const p = (n: number) => `Paragraph ${n}: AI is changing translation.`;

    // Alice splits the first segment after "Paragraph 1:".
    await alice.target(0).click();
    await alice.page.keyboard.press('Home');
    for (let i = 0; i < 'Paragraph 1:'.length; i++) await alice.page.keyboard.press('ArrowRight');
    await alice.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await alice.page.keyboard.press('Control+Shift+Enter');
    const afterSplit = ['Paragraph 1:', ' AI is changing translation.', p(2), p(3), p(4)];
    await eventually(() => targets(alice)).toEqual(afterSplit);
    await eventually(() => targets(bob)).toEqual(afterSplit);

    // Bob merges the third segment with the fourth.
    await rowAction(bob, 2, 'merge-next');
    const afterMerge = ['Paragraph 1:', ' AI is changing translation.', `${p(2)}${p(3)}`, p(4)];
    await eventually(() => targets(bob)).toEqual(afterMerge);
    await eventually(() => targets(alice)).toEqual(afterMerge);

    // Alice inserts a translator's note after the first segment and types in it.
    await rowAction(alice, 0, 'insert-after');
    await alice.page.keyboard.type("Translator's note.");
    const afterInsert = ['Paragraph 1:', "Translator's note.", ' AI is changing translation.', `${p(2)}${p(3)}`, p(4)];
    await eventually(() => targets(bob)).toEqual(afterInsert);
    expect(await bob.source(1).textContent()).toBe('');

    // Bob would move the last segment up, past another source: the Chinese source is not his to reorder.
    await rowAction(bob, 4, 'move-up');
    await eventually(() => bob.page.getByTestId('editor-notice').textContent()).toContain('would reorder the Chinese source');
    expect(await targets(bob)).toEqual(afterInsert);

    // He moves Alice's note down one place instead: a note has no source, so the source reads as before.
    await rowAction(bob, 1, 'move-down');
    const afterMove = ['Paragraph 1:', ' AI is changing translation.', "Translator's note.", `${p(2)}${p(3)}`, p(4)];
    await eventually(() => targets(alice)).toEqual(afterMove);
    await eventually(() => targets(bob)).toEqual(afterMove);
    await eventually(() => alice.isSaved()).toBe(true);
    await eventually(() => bob.isSaved()).toBe(true);
  });
});
