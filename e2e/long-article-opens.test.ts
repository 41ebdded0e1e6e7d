/**
 * A long article opens at once: its first rows arrive ahead of the whole
 * document and can be worked in straight away. What a translator types
 * before the document has arrived is kept, together with what a colleague
 * changed in the same segment meanwhile, and from then on behaves exactly
 * like anything typed (history, status, saving). A reviewer's opening rows
 * are read-only like the rest.
 *
 * The document is held back by holding the server's websocket messages to
 * the page (Playwright's routeWebSocket), as a slow connection would.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { ProtocolClient } from '../server/testing/protocol-client';
import { removeSegment, segmentIds } from '../shared/article/article';
import { OPENING_ROWS } from '../shared/article/opening';
import { targetXmlText } from '../shared/testing/target-text';
import { launchBrowser, newUser, screenshot, type BrowserUser } from './support/browser';
import { PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually, SignInPage, textOf } from './support/pages';

const SEGMENTS = OPENING_ROWS + 30;

describe('a long article opens before its whole document has arrived', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    articleId = seedArticle(server, {
      title: 'Long',
      sourceTitle: '长文',
      statuses: Array.from({ length: SEGMENTS }, (_, i) => (i === 0 ? 'translated' : 'untranslated')),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a translator types into the first rows while the document is on its way, next to a colleague, and nothing is lost', async () => {
    const alice = await signedIn(browser, server, 'translator');
    const held = await holdArticleMessages(alice.page);
    const asked = await requestsWithInitiators(alice.page);
    await alice.page.goto(`/articles/${articleId}`);
    const editor = new EditorPage(alice.page);

    // The first rows are there and editable, though the document has not come.
    await editor.target(0).and(alice.page.locator('[contenteditable="true"]')).waitFor();
    // Who is signed in and the first rows were asked for once, by index.html's own script at
    // navigation (not the app's bundle, which would ask a round trip later): the app took those answers.
    const page = `/articles/${articleId}`;
    expect(asked.filter((request) => request.path === '/api/me')).toEqual([{ path: '/api/me', by: page }]);
    expect(asked.filter((request) => request.path === `/api/articles/${articleId}/opening`)).toEqual([
      { path: `/api/articles/${articleId}/opening`, by: page },
    ]);
    expect(await textOf(alice.page.getByTestId('editor-progress'))).toBe(`Loading ${SEGMENTS} segments…`);
    expect(await editor.source(0).textContent()).toBe('第1段：人工智能正在改变翻译。');
    expect(await alice.page.getByTestId('segment-row').count()).toBeLessThanOrEqual(OPENING_ROWS);
    await screenshot(alice.page, 'long-article-opening.png');
    // The page's websocket is open and talking, its messages held back.
    await eventually(() => held.count()).toBeGreaterThan(0);

    // Meanwhile a colleague writes into the same segment.
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await eventually(() => bob.synced).toBe(true);
      targetXmlText(bob.doc, segmentIds(bob.doc)[0]!).insert(0, 'Colleague. ');
      await eventually(() => bob.allSaved).toBe(true);
    } finally {
      bob.destroy();
    }

    await editor.typeInTarget(0, ' Mine, typed early.', 'end');
    // Article commands wait for the document, and say so.
    await alice.page.keyboard.press('Control+Enter');
    await eventually(() => textOf(alice.page.getByTestId('editor-notice'))).toContain('still loading');

    held.release();
    await editor.connection.and(alice.page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => editor.targetText(0)).toBe('Colleague. Paragraph 1: AI is changing translation. Mine, typed early.');
    // It counts as typing: the translated segment became a draft again (and the page says so),
    // and the caret stayed where it was.
    await eventually(() => editor.row(0).getAttribute('data-status')).toBe('draft');
    await eventually(() => textOf(alice.page.getByTestId('editor-notice'))).toContain('editing it made it a draft again');
    expect(await textOf(alice.page.getByTestId('editor-progress'))).toBe(`0 / ${SEGMENTS} translated`);
    await alice.page.keyboard.type(' Then more.', { delay: 5 });
    await eventually(() => editor.targetText(0)).toBe('Colleague. Paragraph 1: AI is changing translation. Mine, typed early. Then more.');

    // Undo takes back what was typed, the early part too, never the colleague's.
    await alice.page.keyboard.press('Control+z');
    await alice.page.keyboard.press('Control+z');
    await eventually(() => editor.targetText(0)).toBe('Colleague. Paragraph 1: AI is changing translation.');
    await alice.page.keyboard.press('Control+y');
    await alice.page.keyboard.press('Control+y');
    await eventually(() => editor.targetText(0)).toBe('Colleague. Paragraph 1: AI is changing translation. Mine, typed early. Then more.');

    // Stored on the server: another visit (without the device's copy) shows it.
    await eventually(() => editor.isSaved()).toBe(true);
    const carol = await signedIn(browser, server, 'reviewer');
    await carol.page.goto(`/articles/${articleId}`);
    const carolsView = new EditorPage(carol.page);
    await carolsView.connection.and(carol.page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => carolsView.targetText(0)).toBe('Colleague. Paragraph 1: AI is changing translation. Mine, typed early. Then more.');
    expect([...alice.pageErrors, ...carol.pageErrors]).toEqual([]);
  });

  test('a segment a colleague removes while the article loads: the translator is shown what they had typed there', async () => {
    const articleId = seedArticle(server, {
      title: 'Shrinking',
      sourceTitle: '变短',
      statuses: Array.from({ length: SEGMENTS }, () => 'untranslated' as const),
    });
    const alice = await signedIn(browser, server, 'translator');
    const held = await holdArticleMessages(alice.page);
    await alice.page.goto(`/articles/${articleId}`);
    const editor = new EditorPage(alice.page);
    await editor.target(2).and(alice.page.locator('[contenteditable="true"]')).waitFor();
    await editor.typeInTarget(2, 'Words for a doomed segment.');

    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await eventually(() => bob.synced).toBe(true);
      removeSegment(bob.doc, segmentIds(bob.doc)[2]!);
      await eventually(() => bob.allSaved).toBe(true);
    } finally {
      bob.destroy();
    }

    held.release();
    await eventually(() => textOf(alice.page.getByTestId('editor-notice'))).toContain('“Words for a doomed segment.”');
    expect(await textOf(alice.page.getByTestId('editor-progress'))).toBe(`0 / ${SEGMENTS - 1} translated`);
    expect(alice.pageErrors).toEqual([]);
  });

  test("a reviewer's opening rows are read-only, and the page opens the rest when the document comes", async () => {
    const reviewer = await signedIn(browser, server, 'reviewer');
    const held = await holdArticleMessages(reviewer.page);
    await reviewer.page.goto(`/articles/${articleId}`);
    const editor = new EditorPage(reviewer.page);
    await eventually(() => textOf(reviewer.page.getByTestId('editor-progress'))).toBe(`Loading ${SEGMENTS} segments…`);
    expect(await editor.target(0).getAttribute('contenteditable')).toBe('false');

    held.release();
    await editor.connection.and(reviewer.page.locator('[data-state="connected"]')).waitFor();
    expect(await editor.target(0).getAttribute('contenteditable')).toBe('false');
    // The whole article is there now: the last row can be reached.
    await reviewer.page.getByTestId('segment-scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await eventually(() => editor.row(SEGMENTS - 1).count()).toBe(1);
    expect(reviewer.pageErrors).toEqual([]);
  });
});

async function signedIn(browser: Browser, server: TestServer, name: string): Promise<BrowserUser> {
  const user = await newUser(browser, server.baseUrl);
  await SignInPage.from(user.page, name, PASSWORD);
  return user;
}

/** The page's requests from now on: path, and the path of the script that made each (Chromium's initiator). */
async function requestsWithInitiators(page: Page): Promise<Array<{ path: string; by: string | null }>> {
  const requests: Array<{ path: string; by: string | null }> = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    const frame = initiator.stack?.callFrames[0] ?? initiator.stack?.parent?.callFrames[0];
    requests.push({ path: new URL(request.url).pathname, by: frame ? new URL(frame.url).pathname : null });
  });
  return requests;
}

/** Hold the article's websocket messages both ways until released, as a line too slow to carry them would. */
async function holdArticleMessages(page: Page): Promise<{ release(): void; count(): number }> {
  const queue: Array<() => void> = [];
  let holding = true;
  const pass = (send: () => void) => (holding ? queue.push(send) : send());
  await page.routeWebSocket(/\/collab/, (ws) => {
    const toServer = ws.connectToServer();
    ws.onMessage((message) => pass(() => toServer.send(message)));
    toServer.onMessage((message) => pass(() => ws.send(message)));
  });
  return {
    release() {
      holding = false;
      for (const send of queue.splice(0)) send();
    },
    count: () => queue.length,
  };
}
