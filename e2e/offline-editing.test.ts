/**
 * A translator keeps working while the server is out of reach: edits go on,
 * the page says they are kept on this device, a reload still shows them (and
 * what a colleague did before the outage), and
 * when the server is back everything merges with what a colleague did
 * meanwhile. Nothing typed is lost.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../server/main';
import type { TestServer } from '../server/testing/test-server';
import { ProtocolClient } from '../server/testing/protocol-client';
import { readArticle, segmentIds, sideFragment } from '../shared/article/article';
import * as Y from 'yjs';
import { launchBrowser, newUser } from './support/browser';
import { addAccount, PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually } from './support/pages';

describe('offline editing', () => {
  let browser: Browser;
  let server: TestServer;
  let restarted: RunningServer | null = null;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    await addAccount(server, 'bob', 'translator');
    articleId = seedArticle(server, { title: 'Offline', sourceTitle: '离线', statuses: ['untranslated', 'untranslated', 'untranslated'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
    await server?.close();
  });

  test('edits made while the server is down survive a reload and merge when it returns', async () => {
    const alice = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(alice.page, articleId, 'translator', PASSWORD);
    await editor.typeInTarget(0, 'Typed online.');
    await eventually(() => editor.isSaved()).toBe(true);
    // The app is kept for offline use once its service worker controls the page.
    await alice.page.reload();
    await eventually(() => alice.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await eventually(() => editor.connection.getAttribute('data-state')).toBe('connected');

    // A colleague's change arrives while the server is up: the device keeps it too.
    const carol = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await eventually(() => carol.synced).toBe(true);
      const first = segmentIds(carol.doc)[0]!;
      const text = (sideFragment(carol.doc, first, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, ' Checked.');
      await eventually(() => editor.targetText(0)).toBe('Typed online. Checked.');
    } finally {
      carol.destroy();
    }

    const port = server.running.port;
    await server.running.close();
    await eventually(() => editor.connection.getAttribute('data-state')).toBe('offline');

    await editor.typeInTarget(1, 'Typed offline.');
    expect(await editor.isSaved()).toBe(false);
    expect(await editor.saved.textContent()).toMatch(/Saved on this device/);

    // A reload with the server still down: the app and the offline edit come back.
    await alice.page.reload();
    await eventually(() => editor.targetText(1)).toBe('Typed offline.');
    expect(await editor.targetText(0)).toBe('Typed online. Checked.');
    await editor.typeInTarget(2, 'Typed after the offline reload.');

    // Meanwhile, Bob's edit reaches the server once it is back.
    restarted = await startServer({ dataDir: server.dataDir, port, log: () => {} });
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await eventually(() => bob.synced).toBe(true);
      const first = segmentIds(bob.doc)[0]!;
      ((sideFragment(bob.doc, first, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Bob: ');

      await eventually(() => editor.connection.getAttribute('data-state')).toBe('connected');
      await eventually(() => editor.isSaved()).toBe(true);
      await eventually(() => editor.targetText(0)).toBe('Bob: Typed online. Checked.');
      await eventually(() => readArticle(bob.doc).segments.map((segment) => segment.target.textContent)).toEqual([
        'Bob: Typed online. Checked.',
        'Typed offline.',
        'Typed after the offline reload.',
      ]);
    } finally {
      bob.destroy();
    }
    expect(alice.pageErrors).toEqual([]);
  });
});
