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

  async function open(name: 'translator' | 'reviewer' | 'admin' | 'viewer'): Promise<{ editor: EditorPage; review: ReviewControls; user: BrowserUser }> {
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

    // A reviewer cannot type in a translation: the page does not let them. (That the server refuses a reviewer's
    // target edit, or a translator's approval, sent around the page is covered over real websockets by
    // server/collab/collab.test.ts and server/collab/review-enforcement.test.ts.)
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

  test('a comment from the keyboard, on the pair, edited and deleted; text deleted under a thread; a viewer only reads', async () => {
    const admin = await open('admin');
    const translator = await open('translator');
    const viewer = await open('viewer');
    await eventually(() => admin.editor.targetText(2)).toBe('Paragraph 3: AI is changing translation.');

    // The admin selects a word with the keyboard and comments with Ctrl/⌘ + Alt + M.
    await admin.editor.target(2).click();
    await admin.editor.page.keyboard.press('End');
    await admin.editor.page.keyboard.press('ArrowLeft');
    // A person's keys come frames apart; let the editor take in each move of the selection.
    const nextFrames = () => admin.editor.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await nextFrames();
    for (let i = 0; i < 'translation'.length; i++) {
      await admin.editor.page.keyboard.press('Shift+ArrowLeft');
      await nextFrames();
    }
    await admin.editor.page.keyboard.press('ControlOrMeta+Alt+m');
    await eventually(() => textOf(admin.review.composer.locator('.thread-quote'))).toBe('translation');
    // A suggestion is offered only on target text; the admin comments without one.
    await admin.review.writeThread('Check the term.');
    await eventually(() => translator.review.count(2)).toBe(1);
    await eventually(() => translator.review.highlighted(translator.editor.target(2))).toBe('translation');

    // The admin edits the comment; everyone sees the new words, marked edited.
    const first = admin.review.comments().first();
    await first.getByTestId('comment-edit').click();
    await first.getByTestId('comment-edit-input').fill('Check the term, please.');
    await first.getByTestId('comment-save').click();
    await translator.review.openRowThreads(2);
    await translator.review.items.first().click();
    await eventually(() => textOf(translator.review.comments().first().getByTestId('comment-text'))).toBe('Check the term, please.');
    expect(await textOf(translator.review.comments().first())).toContain('(edited)');
    // Only its author may edit a comment.
    expect(await translator.review.comments().first().getByTestId('comment-edit').count()).toBe(0);

    // The translator rewrites the whole translation: the commented word is gone, and the thread says so.
    await translator.editor.target(2).click();
    await translator.editor.page.keyboard.press('ControlOrMeta+a');
    await translator.editor.page.keyboard.press('Backspace');
    await translator.editor.page.keyboard.type('Section 3: machines now translate.');
    await eventually(() => admin.editor.targetText(2)).toBe('Section 3: machines now translate.');
    await eventually(() => textOf(admin.review.threadView.getByTestId('anchor-deleted'))).toBe('The commented text was deleted.');
    expect(await admin.review.highlighted(admin.editor.target(2))).toBe('');
    expect(await admin.review.count(2)).toBe(1);

    // The admin deletes the comment: its place stays, its words go.
    await admin.review.comments().first().getByTestId('comment-delete').click();
    await admin.review.comments().first().getByTestId('comment-delete-confirm').click();
    await eventually(() => textOf(translator.review.comments().first())).toContain('This comment was deleted.');

    // The translator comments on a whole pair from its row.
    await translator.review.threadView.getByTestId('thread-back').click();
    await translator.review.openRowThreads(1);
    await translator.review.composer.waitFor();
    expect(await textOf(translator.review.composer)).toContain('(the whole pair)');
    await translator.review.writeThread('Is this block needed at all?');
    await eventually(() => admin.review.count(1)).toBe(1);
    await admin.review.threadView.getByTestId('thread-back').click();
    await admin.review.panel.getByTestId('threads-show-all').click();
    await eventually(() => admin.review.items.filter({ hasText: 'Is this block needed at all?' }).count()).toBe(1);
    expect(await textOf(admin.review.items.filter({ hasText: 'Is this block needed at all?' }).locator('.thread-where'))).toContain('#2 pair');

    // A viewer sees the counts and reads the threads, but has nothing to comment, reply or resolve with.
    await eventually(() => viewer.review.count(1)).toBe(1);
    await viewer.review.selectWords(viewer.editor.source(0), '人工智能');
    expect(await viewer.review.commentButton.count()).toBe(0);
    await viewer.review.openRowThreads(1);
    expect(await viewer.review.panel.getByTestId('comment-on-pair').count()).toBe(0);
    await viewer.review.items.first().click();
    await eventually(() => textOf(viewer.review.comments().first().getByTestId('comment-text'))).toBe('Is this block needed at all?');
    for (const control of ['reply-input', 'thread-resolve', 'comment-edit', 'comment-delete'])
      expect(await viewer.review.threadView.getByTestId(control).count()).toBe(0);

    for (const user of users) expect(user.pageErrors).toEqual([]);
  });
});
