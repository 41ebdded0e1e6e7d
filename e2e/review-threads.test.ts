/**
 * A reviewer and a translator talk about a translation in comment threads,
 * live, while an admin edits the same text: the reviewer comments on a range
 * with a suggestion, the translator sees it at once, applies it (undoably) and
 * confirms the segment, the reviewer approves it; mentions, resolve and
 * reopen; everything survives a reload. Each role sees only what it may do.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser, screenshot, type BrowserUser } from './support/browser';
import { PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually, textOf } from './support/pages';
import { ReviewControls } from './support/review-page';

describe('review threads', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;
  const users: BrowserUser[] = [];

  beforeAll(async () => {
    server = await startDuet();
    articleId = seedArticle(server, { title: 'Under review', sourceTitle: '审校中', statuses: ['draft', 'untranslated', 'draft'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(name: 'translator' | 'reviewer' | 'admin'): Promise<{ editor: EditorPage; review: ReviewControls; user: BrowserUser }> {
    const user = await newUser(browser, server.baseUrl);
    users.push(user);
    const editor = await EditorPage.open(user.page, articleId, name, PASSWORD);
    return { editor, review: new ReviewControls(editor), user };
  }

  test('a comment with a suggestion goes from reviewer to translator and back, through concurrent edits, a reload, and the status workflow', async () => {
    const translator = await open('translator');
    const reviewer = await open('reviewer');
    const admin = await open('admin');
    const original = 'Paragraph 1: AI is changing translation.';
    await eventually(() => reviewer.editor.targetText(0)).toBe(original);

    // The reviewer selects two words of the first translation and comments on them, suggesting others.
    await reviewer.review.selectWords(reviewer.editor.target(0), 'changing translation');
    await reviewer.review.commentButton.click();
    await expect.poll(() => textOf(reviewer.review.composer.locator('.thread-quote'))).toBe('changing translation');
    await reviewer.review.writeThread('“Changing” is flat here.', 'reshaping translation');

    // The translator sees it at once: a count on the row. Meanwhile the admin types before the commented words.
    await Promise.all([admin.editor.typeInTarget(0, 'Today, ', 'start'), eventually(() => translator.review.count(0)).toBe(1)]);
    const edited = `Today, ${original}`;
    for (const person of [translator, reviewer, admin]) {
      await eventually(() => person.editor.targetText(0)).toBe(edited);
      // The thread still highlights the same words, for everyone.
      await eventually(() => person.review.highlighted(person.editor.target(0))).toBe('changing translation');
    }

    // In the translator's panel: the thread, where it is, what it quotes and says.
    await translator.review.openRowThreads(0);
    await eventually(() => translator.review.items.count()).toBe(1);
    const item = translator.review.items.first();
    expect(await item.textContent()).toContain('#1 EN');
    expect(await item.textContent()).toContain('changing translation');
    expect(await item.textContent()).toContain('“Changing” is flat here.');
    expect(await textOf(item.getByTestId('thread-replies'))).toBe('0 replies');
    await item.click();
    await translator.review.threadView.waitFor();
    await eventually(() => translator.editor.target(0).locator('.thread-anchor.is-active').count()).toBeGreaterThan(0);
    const comment = translator.review.comments().first();
    expect(await comment.getAttribute('data-author')).toBe('reviewer');
    await screenshot(translator.user.page, 'review-thread-suggestion.png');

    // A reviewer sees the suggestion but may not apply it; the translator applies it like typing.
    expect(await reviewer.review.threadView.getByTestId('suggestion').count()).toBe(1);
    expect(await reviewer.review.threadView.getByTestId('suggestion-apply').count()).toBe(0);
    await comment.getByTestId('suggestion-apply').click();
    const applied = 'Today, Paragraph 1: AI is reshaping translation.';
    for (const person of [translator, reviewer, admin]) await eventually(() => person.editor.targetText(0)).toBe(applied);
    await eventually(() => textOf(comment.getByTestId('suggestion-outcome'))).toBe('Applied by translator');
    await eventually(() => textOf(reviewer.review.threadView.getByTestId('suggestion-outcome'))).toBe('Applied by translator');

    // Undo takes the replacement back, redo restores it: it is in the segment's history like typing.
    await translator.editor.page.keyboard.press('ControlOrMeta+z');
    await eventually(() => reviewer.editor.targetText(0)).toBe(edited);
    await translator.editor.page.keyboard.press('ControlOrMeta+Shift+z');
    await eventually(() => reviewer.editor.targetText(0)).toBe(applied);

    // The translator confirms the segment; the reviewer approves it.
    await translator.editor.target(0).click();
    await translator.editor.page.keyboard.press('ControlOrMeta+Enter');
    await eventually(() => reviewer.editor.row(0).getAttribute('data-status')).toBe('translated');
    await reviewer.editor.status(0).selectOption('approved');
    for (const person of [translator, admin]) await eventually(() => person.editor.row(0).getAttribute('data-status')).toBe('approved');

    // A reviewer cannot type in a translation: the page does not let them. (That the server refuses
    // a reviewer's target edit sent around the page is covered by server/collab/permissions.test.ts.)
    expect(await reviewer.editor.target(2).getAttribute('contenteditable')).toBe('false');
    await reviewer.editor.target(2).click();
    await reviewer.editor.page.keyboard.type('Sneaky');
    expect(await reviewer.editor.targetText(2)).toBe('Paragraph 3: AI is changing translation.');
    // A translator's status menu never offers approval.
    for (const index of [1, 2]) expect(await translator.editor.status(index).locator('option').allTextContents()).not.toContain('approved');

    // The reviewer replies to the translator by name, completing the mention.
    const replyBox = reviewer.review.threadView.getByTestId('reply-input');
    await replyBox.click();
    await reviewer.editor.page.keyboard.type('Thanks @tra');
    await reviewer.editor.page.getByTestId('mention-option').filter({ hasText: '@translator' }).waitFor();
    await reviewer.editor.page.keyboard.press('Enter');
    await reviewer.editor.page.keyboard.type('— approved.');
    expect(await replyBox.inputValue()).toBe('Thanks @translator — approved.');
    await reviewer.review.threadView.getByTestId('reply-submit').click();
    await eventually(() => translator.review.comments().count()).toBe(2);
    await eventually(() => textOf(translator.review.comments().nth(1).getByTestId('mention'))).toBe('@translator');

    // The translator resolves the thread: it leaves the open list and the row's count, for everyone.
    await translator.review.threadView.getByTestId('thread-resolve').click();
    await eventually(() => reviewer.review.count(0)).toBe(0);
    await eventually(() => textOf(reviewer.review.threadView.getByTestId('thread-resolved'))).toContain('Resolved by translator');
    await translator.review.threadView.getByTestId('thread-back').click();
    await eventually(() => translator.review.items.count()).toBe(0);
    await translator.review.panel.getByTestId('show-resolved').check();
    await eventually(() => translator.review.items.count()).toBe(1);
    expect(await translator.review.items.first().textContent()).toContain('resolved');
    expect(await textOf(translator.review.items.first().getByTestId('thread-replies'))).toBe('1 reply');

    // The reviewer reopens it.
    await reviewer.review.threadView.getByTestId('thread-reopen').click();
    await eventually(() => translator.review.count(0)).toBe(1);
    await eventually(() => admin.review.count(0)).toBe(1);

    // Everything is still there after a reload.
    await eventually(() => reviewer.editor.isSaved()).toBe(true);
    await eventually(() => translator.editor.isSaved()).toBe(true);
    const page = translator.editor.page;
    await page.reload();
    await translator.editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => translator.review.count(0)).toBe(1);
    expect(await translator.editor.targetText(0)).toBe(applied);
    expect(await translator.editor.row(0).getAttribute('data-status')).toBe('approved');
    await translator.review.openRowThreads(0);
    await translator.review.items.first().click();
    await eventually(() => translator.review.comments().count()).toBe(2);
    expect(await textOf(translator.review.threadView.getByTestId('suggestion-outcome'))).toBe('Applied by translator');
    expect(await textOf(translator.review.comments().nth(1).getByTestId('comment-text'))).toBe('Thanks @translator — approved.');

    for (const user of users) expect(user.pageErrors).toEqual([]);
  });
});
