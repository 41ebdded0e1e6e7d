/**
 * The review workflow, with three people in three browsers: an admin assigns
 * the first two segments to a translator and a reviewer; the translator finds
 * them under "Assigned to me" and counted in the article list, translates and
 * confirms them; the reviewer sends one back (not without a comment) and
 * approves the other with a bulk action that leaves an untranslated segment
 * alone; the translator is notified, opens the segment from the notification,
 * rewrites it, and its history shows who did what and what the rewrite changed.
 *
 * The steps share the three browsers and run in order, each its own test so
 * a failure names the step.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser, screenshot, type BrowserUser } from './support/browser';
import { PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { ArticleListPage, SignInPage, eventually, textOf } from './support/pages';
import { NotificationsBell, WorkflowControls } from './support/workflow';

const TITLE = 'Reviewed together';

describe('the review workflow', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;
  let first: string, second: string, third: string;
  const users: BrowserUser[] = [];
  let admin: WorkflowControls;
  let translator: WorkflowControls;
  let reviewer: WorkflowControls;

  beforeAll(async () => {
    server = await startDuet();
    articleId = seedArticle(server, { title: TITLE, sourceTitle: '一起审校', statuses: ['untranslated', 'untranslated', 'untranslated', 'untranslated'] });
    const article = (await (await server.as('admin', `/api/articles/${articleId}`)).json()) as { segments: { id: string }[] };
    [first, second, third] = article.segments.map((segment) => segment.id) as [string, string, string];
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const articleRow = (page: EditorPage['page']) => new ArticleListPage(page).row(TITLE);
  const focusedSegment = (page: EditorPage['page']) =>
    page.evaluate(() => document.activeElement?.closest('[data-testid="segment-row"]')?.getAttribute('data-segment') ?? null);

  test('an admin ticks the first two rows (a click, a shift-click) and assigns them to a translator and a reviewer', async () => {
    const user = await newUser(browser, server.baseUrl);
    users.push(user);
    admin = new WorkflowControls(await EditorPage.open(user.page, articleId, 'admin', PASSWORD));
    await admin.tick(first);
    await admin.tick(second, true);
    await eventually(() => textOf(admin.bulkCount)).toBe('2 selected');
    await admin.assign({ translator: 'translator', reviewer: 'reviewer' });
    await eventually(() => admin.assignees(first)).toEqual({ translator: 'translator', reviewer: 'reviewer' });
    expect(await admin.assignees(second)).toEqual({ translator: 'translator', reviewer: 'reviewer' });
    expect(await admin.assignees(third)).toEqual({});
    await eventually(() => admin.editor.isSaved()).toBe(true);
  });

  test('the translator sees its count in the article list and its segments under "Assigned to me", and translates them', async () => {
    const user = await newUser(browser, server.baseUrl);
    users.push(user);
    const page = user.page;
    await page.goto('/');
    await new SignInPage(page).signIn('translator', PASSWORD);
    await eventually(() => textOf(articleRow(page).locator.getByTestId('article-mine'))).toBe('my segments: 0/2');
    await articleRow(page).open();
    const editor = new EditorPage(page);
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    translator = new WorkflowControls(editor);
    await translator.showOnly('assigned');
    await eventually(() => translator.shownSegments()).toEqual([first, second]);

    await editor.typeInTarget(0, 'The first paragraph, in a hurry.');
    await editor.typeInTarget(1, 'The second paragraph.');
    for (const id of [first, second]) {
      await translator.status(id).selectOption('translated');
      await eventually(() => translator.rowOf(id).getAttribute('data-status')).toBe('translated');
    }
    await eventually(() => editor.isSaved()).toBe(true);
  });

  test('editing a translated segment makes it a draft again, and the editor says what it was', async () => {
    await eventually(() => admin.rowOf(first).getAttribute('data-status')).toBe('translated');
    await admin.editor.typeInTarget(0, ' It matters.');
    await eventually(() => textOf(admin.notice)).toBe('The segment was translated; editing it made it a draft again.');
    await eventually(() => translator.rowOf(first).getAttribute('data-status')).toBe('draft');
    await eventually(() => translator.editor.targetText(0)).toBe('The first paragraph, in a hurry. It matters.');
    await translator.status(first).selectOption('translated');
    await eventually(() => admin.rowOf(first).getAttribute('data-status')).toBe('translated');
    await eventually(() => translator.editor.isSaved()).toBe(true);
  });

  test('the reviewer sends one back only with a comment, and approves the other over a selection that also holds an untranslated segment', async () => {
    const user = await newUser(browser, server.baseUrl);
    users.push(user);
    reviewer = new WorkflowControls(await EditorPage.open(user.page, articleId, 'reviewer', PASSWORD));
    await eventually(() => reviewer.rowOf(first).getAttribute('data-status')).toBe('translated');
    // Only what the workflow lets a reviewer do from "translated"; nothing at all on an untranslated segment.
    expect(await reviewer.offered(first)).toEqual(['translated', 'send back…', 'reviewed', 'approved']);
    expect(await reviewer.status(third).isDisabled()).toBe(true);

    await reviewer.status(first).selectOption('draft');
    await reviewer.sendBackDialog.waitFor();
    // Nothing changes until the comment is sent: the chip still says what the segment is.
    expect(await reviewer.status(first).inputValue()).toBe('translated');
    await reviewer.sendBackDialog.getByTestId('send-back-submit').click();
    await reviewer.sendBackDialog.getByTestId('send-back-error').waitFor();
    expect(await reviewer.rowOf(first).getAttribute('data-status')).toBe('translated');
    await reviewer.sendBackDialog.getByTestId('send-back-comment').fill('“In a hurry” is not in the source: please drop it.');
    await reviewer.sendBackDialog.getByTestId('send-back-submit').click();
    await reviewer.sendBackDialog.waitFor({ state: 'detached' });
    await eventually(() => reviewer.rowOf(first).getAttribute('data-status')).toBe('draft');

    await reviewer.status(second).selectOption('reviewed');
    await eventually(() => reviewer.rowOf(second).getAttribute('data-status')).toBe('reviewed');
    await reviewer.tick(second);
    await reviewer.tick(third, true);
    await eventually(() => textOf(reviewer.bulkApprove)).toBe('Approve 1 reviewed');
    await reviewer.bulkApprove.click();
    await eventually(() => textOf(reviewer.notice)).toBe('Approved 1 segment; skipped 1 that was not reviewed.');
    await eventually(() => translator.rowOf(second).getAttribute('data-status')).toBe('approved');
    expect(await reviewer.rowOf(third).getAttribute('data-status')).toBe('untranslated');
    await eventually(() => translator.rowOf(first).getAttribute('data-status')).toBe('draft');
    await eventually(() => reviewer.editor.isSaved()).toBe(true);
    await screenshot(reviewer.page, 'review-workflow-reviewer.png');
  });

  test('the translator is notified, opens the segment from the notification and rewrites it there', async () => {
    const page = translator.page;
    await page.getByTestId('back-to-articles').click();
    await eventually(() => textOf(articleRow(page).locator.getByTestId('article-mine'))).toBe('my segments: 1/2');

    const bell = new NotificationsBell(page);
    await bell.open();
    const sentBack = page.locator('[data-testid="notification"][data-kind="sendBack"]');
    await eventually(() => sentBack.count()).toBe(1);
    expect(await textOf(sentBack)).toContain('please drop it');
    await eventually(() => textOf(bell.unread)).toBe('1');
    await screenshot(page, 'review-workflow-notifications.png');
    await page.getByTestId('notifications-mark-read').click();
    await bell.unread.waitFor({ state: 'detached' });

    await sentBack.getByTestId('notification-link').click();
    await translator.editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    expect(new URL(page.url()).hash).toBe(`#segment=${first}`);
    await eventually(() => translator.rowOf(first).getAttribute('class')).toContain('highlighted');
    await eventually(() => focusedSegment(page)).toBe(first);

    await page.keyboard.press('Control+a');
    await page.keyboard.type('The first paragraph. It matters.', { delay: 5 });
    await eventually(() => translator.editor.targetText(0)).toBe('The first paragraph. It matters.');
    await eventually(() => translator.editor.isSaved()).toBe(true);
  });

  test('the history shows who changed the status and text, and the translator’s two versions as a word diff', async () => {
    const history = await translator.openHistory(first);
    // The panel shows at once and its history arrives from the server a moment later. Newest first.
    const changes = () =>
      history
        .getByTestId('history-status')
        .evaluateAll((rows) => rows.map((row) => `${row.querySelector('td')?.textContent} by ${row.getAttribute('data-author')}`));
    await eventually(changes).toEqual([
      'Status: translated → draft by reviewer',
      'Status: draft → translated by translator',
      'Status: translated → draft by admin',
      'Status: draft → translated by translator',
      'Status: untranslated → draft by translator',
    ]);
    const versions = history.locator('[data-testid="history-version"][data-author="translator"]');
    expect(await versions.count()).toBe(2);
    expect(await history.locator('[data-testid="history-version"][data-author="admin"]').count()).toBe(1);
    // Compare the translator's first translation (older, A) with its rewrite (newer, B).
    await versions.nth(1).getByTestId('history-pick-a').check();
    await versions.nth(0).getByTestId('history-pick-b').check();
    const diff = history.getByTestId('word-diff');
    await eventually(() => diff.locator('del').allTextContents()).toEqual([', in a hurry']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['. It matters']);
    expect(await textOf(diff)).toBe('The first paragraph, in a hurry. It matters.');
    await screenshot(translator.page, 'review-workflow-history.png');

    for (const user of users) expect(user.pageErrors).toEqual([]);
  });
});
