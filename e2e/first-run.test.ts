/**
 * Story: someone installs Duet and opens it for the first time. There are no
 * accounts yet, so the browser asks for an admin account, once, and signs that admin in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../server/main';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { requireBuiltClient } from './support/built-client';
import { AppHeader, ArticleListPage, eventually, SetupPage, SignInPage, textOf } from './support/pages';

describe('first run', () => {
  let browser: Browser;
  let server: RunningServer;
  let root: string;
  let baseUrl: string;
  const logs: string[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    // An empty data folder, exactly as `npm start` sees on a new machine: no accounts at all.
    root = mkdtempSync(join(tmpdir(), 'duet-e2e-first-run-'));
    server = await startServer({ dataDir: join(root, 'data'), port: 0, log: (line) => logs.push(line) });
    baseUrl = `http://127.0.0.1:${server.port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('a new installation asks for an admin account, then signs that admin in', async () => {
    const ada = await newUser(browser, baseUrl);
    await ada.page.goto('/');

    const setup = new SetupPage(ada.page);
    await setup.form.waitFor();
    expect(await new SignInPage(ada.page).form.count()).toBe(0);

    // A password shorter than the server accepts is caught before anything is created.
    await setup.createAdmin('ada', 'short');
    await eventually(() => textOf(setup.error)).toContain('at least 10 characters');

    // So is a mistyped repeat.
    await setup.createAdmin('ada', 'analytical engine', 'analytical engin');
    await eventually(() => textOf(setup.error)).toContain('not the same');
    await screenshot(ada.page, 'setup-form-mismatch.png');

    await setup.createAdmin('ada', 'analytical engine');

    // Signed in as the new admin, on an empty article list she may add to.
    const header = new AppHeader(ada.page);
    await eventually(() => textOf(header.userName)).toBe('ada');
    expect(await header.role.textContent()).toBe('admin');
    const articles = new ArticleListPage(ada.page);
    await articles.emptyMessage.waitFor();
    expect(await articles.newArticleButton.isVisible()).toBe(true);
    await screenshot(ada.page, 'article-list-empty-admin.png');

    // The session is a real cookie: a reload keeps her signed in.
    await ada.page.reload();
    await eventually(() => textOf(header.userName)).toBe('ada');

    // Her first article, empty for now. The editor says so once the server has answered, not
    // before: while the server's messages are held back, the article is still opening.
    await articles.createArticle('First steps');
    await articles.createdNotice.waitFor();
    const heldBack: (string | Buffer)[] = [];
    let holding = true;
    let release = () => {};
    await ada.page.routeWebSocket(/\/collab\//, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => (holding ? heldBack.push(message) : socket.send(message)));
      release = () => {
        holding = false;
        for (const message of heldBack.splice(0)) socket.send(message);
      };
    });
    await articles.row('First steps').open();
    const noSegments = ada.page.getByTestId('no-segments');
    await eventually(() => textOf(noSegments)).toBe('Opening the article…');
    await eventually(() => heldBack.length).toBeGreaterThan(0);
    expect(await textOf(noSegments)).toBe('Opening the article…');
    release();
    await ada.page.getByTestId('connection').and(ada.page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => textOf(noSegments)).toBe('This article has no segments yet.');

    // Setup happens once: the next person to open Duet is asked to sign in, not to create an admin.
    const grace = await newUser(browser, baseUrl);
    await grace.page.goto('/');
    const signIn = new SignInPage(grace.page);
    await signIn.form.waitFor();
    expect(await new SetupPage(grace.page).form.count()).toBe(0);

    // And the admin account works for signing in from there.
    await signIn.signIn('ada', 'analytical engine');
    await eventually(() => textOf(new AppHeader(grace.page).role)).toBe('admin');

    expect(ada.pageErrors).toEqual([]);
    expect(grace.pageErrors).toEqual([]);
  });
});
