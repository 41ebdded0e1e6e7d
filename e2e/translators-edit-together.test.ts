/**
 * Two translators work on the same article at the same time, in two browsers:
 * they see each other's text and carets, typing in one segment together
 * keeps both people's words, and everything survives a reload and a server
 * restart. A reviewer cannot type, in the page or around it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readArticle } from '../shared/article/article';
import { targetXmlText } from '../shared/testing/target-text';
import { startServer, type RunningServer } from '../server/main';
import { openDataFolder } from '../server/store/data-dir';
import type { TestServer } from '../server/testing/test-server';
import { exportArticle } from '../server/articles/article-service';
import { ProtocolClient, waitFor } from '../server/testing/protocol-client';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { addAccount, PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually } from './support/pages';

describe('two translators edit the same article', () => {
  let browser: Browser;
  let server: TestServer;
  let restarted: RunningServer | null = null;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    await addAccount(server, 'bob', 'translator');
    articleId = seedArticle(server, {
      title: 'Working together',
      sourceTitle: '一起工作',
      statuses: ['untranslated', 'untranslated', 'untranslated', 'draft'],
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
    await server?.close();
  });

  test('they see each other’s words and carets, in different segments and in the same one, and nothing is lost on reload or restart', async () => {
    const alice = await newUser(browser, server.baseUrl);
    const bob = await newUser(browser, server.baseUrl);
    const aliceEditor = await EditorPage.open(alice.page, articleId, 'translator', PASSWORD);
    const bobEditor = await EditorPage.open(bob.page, articleId, 'bob', PASSWORD);

    // Each sees the other in the article, and the article list says who is in it.
    await aliceEditor.avatar('bob').waitFor();
    await bobEditor.avatar('translator').waitFor();
    const listed = async () =>
      ((await (await server.as('viewer', '/api/articles')).json()) as { articles: { id: string; activeUsers: string[] }[] }).articles.find(
        (article) => article.id === articleId,
      )?.activeUsers;
    expect(await listed()).toEqual(['bob', 'translator']);

    // Different segments at once.
    await Promise.all([aliceEditor.typeInTarget(0, 'Alice was here.'), bobEditor.typeInTarget(1, 'Bob was here.')]);
    await eventually(() => bobEditor.targetText(0)).toBe('Alice was here.');
    await eventually(() => aliceEditor.targetText(1)).toBe('Bob was here.');
    // Typing into an untranslated segment made it a draft, for everyone.
    await eventually(() => bobEditor.row(0).getAttribute('data-status')).toBe('draft');

    // Carets: Bob sees where Alice is, with her name.
    await aliceEditor.target(0).click();
    await bobEditor.remoteCaret(0, 'translator').waitFor();
    // ... and it follows her when she moves it and types.
    await aliceEditor.typeInTarget(0, 'Now: ', 'start');
    const textBeforeCaret = () =>
      bobEditor.remoteCaret(0, 'translator').evaluate((caret) => {
        const range = document.createRange();
        range.setStart(caret.closest('.ProseMirror')!, 0);
        range.setEndBefore(caret);
        return range.toString();
      });
    await eventually(textBeforeCaret).toBe('Now: ');

    // The same segment at once, one at its start and one at its end: both people's words survive.
    await Promise.all([aliceEditor.typeInTarget(3, 'First, ', 'start'), bobEditor.typeInTarget(3, ' And last.', 'end')]);
    for (const editor of [aliceEditor, bobEditor]) {
      await eventually(() => editor.targetText(3)).toBe('First, Paragraph 4: AI is changing translation. And last.');
    }
    const together = await aliceEditor.targetText(3);
    await eventually(() => aliceEditor.isSaved()).toBe(true);
    await eventually(() => bobEditor.isSaved()).toBe(true);
    await screenshot(alice.page, 'editor-two-translators.png');

    // A reload brings back everything.
    await alice.page.reload();
    await aliceEditor.connection.and(alice.page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => aliceEditor.targetText(1)).toBe('Bob was here.');
    expect(await aliceEditor.targetText(3)).toBe(together);

    // A server restart loses nothing: the store has every saved edit, and the editors reconnect by themselves.
    const port = server.running.port;
    await server.running.close();
    await eventually(() => aliceEditor.connection.getAttribute('data-state')).not.toBe('connected');
    restarted = await startServer({ dataDir: server.dataDir, port, log: () => {} });
    await eventually(() => aliceEditor.connection.getAttribute('data-state')).toBe('connected');
    await bobEditor.typeInTarget(2, 'After the restart.');
    await eventually(() => aliceEditor.targetText(2)).toBe('After the restart.');
    await eventually(() => bobEditor.isSaved()).toBe(true);
    const folder = openDataFolder(server.dataDir);
    try {
      const markdown = exportArticle(folder.articles, articleId);
      expect(markdown).toContain('Alice was here.');
      expect(markdown).toContain('Bob was here.');
      expect(markdown).toContain(together!.trim());
      expect(markdown).toContain('After the restart.');
    } finally {
      folder.close();
    }
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);
  });
});

describe('a colleague’s change arrives just as a translator moves the caret', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    articleId = seedArticle(server, { title: 'The caret', sourceTitle: '光标', statuses: ['draft'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the caret stays where the translator put it, and the next key lands there', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    // The race, made certain: just before the page handles its next websocket message, the caret
    // moves in the DOM (as Home or a click moves it), before ProseMirror has had a task to read it.
    await page.addInitScript(() => {
      const native = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
      const hook = window as unknown as { beforeNextMessage: (() => void) | null };
      hook.beforeNextMessage = null;
      Object.defineProperty(WebSocket.prototype, 'onmessage', {
        configurable: true,
        get(this: WebSocket) {
          return native.get!.call(this);
        },
        set(this: WebSocket, handler: ((event: MessageEvent) => unknown) | null) {
          const wrapped = (event: MessageEvent) => {
            const move = hook.beforeNextMessage;
            hook.beforeNextMessage = null;
            move?.();
            return handler!.call(this, event);
          };
          native.set!.call(this, typeof handler === 'function' ? wrapped : handler);
        },
      });
    });
    const editor = await EditorPage.open(page, articleId, 'translator', PASSWORD);
    await editor.typeInTarget(0, '', 'end');
    const colleague = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await waitFor(() => colleague.synced, 10_000, 'the colleague to sync');
      await page.evaluate(() => {
        (window as unknown as { beforeNextMessage: () => void }).beforeNextMessage = () => {
          const first = document.querySelector('[data-testid="segment-row"][data-index="0"] [data-testid="target-editor"] p')!.firstChild!;
          getSelection()!.collapse(first, 0);
        };
      });
      // The colleague adds to the same paragraph; the translator's caret goes to its start as it lands.
      const segment = readArticle(colleague.doc).segments[0]!.id;
      const text = targetXmlText(colleague.doc, segment);
      colleague.doc.transact(() => text.insert(text.length, ' More.'));
      await eventually(() => editor.targetText(0)).toBe('Paragraph 1: AI is changing translation. More.');
      await page.keyboard.type('X');
      await eventually(() => editor.targetText(0)).toBe('XParagraph 1: AI is changing translation. More.');
      expect(pageErrors).toEqual([]);
    } finally {
      colleague.destroy();
    }
  });
});
