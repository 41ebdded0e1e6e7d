/**
 * Stories about signing in to an installation that already has accounts and
 * articles: what each role sees on the article list, and what they may do there.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { PASSWORD, seedArticle, startDuet } from './support/duet';
import { AppHeader, ArticleListPage, EditorPlaceholderPage, eventually, SignInPage, textOf } from './support/pages';

const SEEDED = {
  title: 'The people behind the AI boom',
  sourceTitle: '如何看待阿里达摩院的AI',
  statuses: ['approved', 'reviewed', 'translated', 'translated', 'draft', 'untranslated'],
} as const;

describe('signing in', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startDuet();
    seedArticle(server, { ...SEEDED, statuses: [...SEEDED.statuses] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a translator signs in, sees the article list with progress, creates an article, signs out', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const bundle = page.waitForResponse((response) => /\/assets\/index-[^/]+\.js$/.test(response.url()));
    await page.goto('/');
    // The app's bundle came compressed (the build's brotli copy), a fifth of its size over the wire.
    expect((await bundle).headers()['content-encoding']).toBe('br');

    const signIn = new SignInPage(page);
    await signIn.signIn('translator', PASSWORD);

    const header = new AppHeader(page);
    await eventually(() => textOf(header.userName)).toBe('translator');
    expect(await header.role.textContent()).toBe('translator');

    // The seeded article, with its segments counted and its progress by status.
    const articles = new ArticleListPage(page);
    const seeded = articles.row(SEEDED.title);
    await seeded.locator.waitFor();
    expect(await seeded.locator.textContent()).toContain(SEEDED.sourceTitle);
    expect(await seeded.segments()).toBe('6');
    expect(await seeded.progress()).toBe('1 untranslated, 1 draft, 2 translated, 1 reviewed, 1 approved');
    // Translated, reviewed and approved: 4 of 6.
    expect(await seeded.progressFigure()).toBe('67%');
    // Seeded moments ago; a loaded machine may take a minute to get here, so either wording is right.
    expect(await seeded.lastActivity()).toMatch(/^(just now|\d+ minutes? ago)$/);

    // A translator may start a new article; it appears in the list at once.
    await articles.createArticle('Notes on translating tone');
    const created = articles.row('Notes on translating tone');
    await created.locator.waitFor();
    expect(await created.segments()).toBe('0');
    expect(await articles.createdNotice.textContent()).toContain('Notes on translating tone');
    // Newest activity first.
    expect((await articles.titles())[0]).toBe('Notes on translating tone');

    // It is really stored: the server lists it to anyone.
    const listed = (await (await server.as('viewer', '/api/articles')).json()) as { articles: { title: string }[] };
    expect(listed.articles.map((article) => article.title)).toContain('Notes on translating tone');

    await screenshot(page, 'article-list-translator.png');

    // Each row leads to its article's page (the editor is still to come).
    await created.open();
    const editor = new EditorPlaceholderPage(page);
    await eventually(() => textOf(editor.title)).toBe('Notes on translating tone');
    await screenshot(page, 'editor-placeholder.png');
    expect(new URL(page.url()).pathname).toMatch(/^\/articles\/[A-Za-z0-9_-]+$/);
    // The address is real: a reload lands on the same article.
    await page.reload();
    await eventually(() => textOf(editor.title)).toBe('Notes on translating tone');
    await editor.backToArticles();
    await seeded.locator.waitFor();

    await header.signOut();
    await eventually(() => textOf(signIn.notice)).toBe('You have signed out.');
    // Signed out on the server too, not only on screen: a reload asks to sign in again.
    await page.reload();
    await signIn.form.waitFor();
    expect(await header.userName.count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });

  test('a wrong password is refused with a message', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const bundle = page.waitForResponse((response) => /\/assets\/index-[^/]+\.js$/.test(response.url()));
    await page.goto('/');
    // The app's bundle came compressed (the build's brotli copy), a fifth of its size over the wire.
    expect((await bundle).headers()['content-encoding']).toBe('br');

    const signIn = new SignInPage(page);
    await signIn.signIn('translator', 'not the password');
    await eventually(() => textOf(signIn.error)).toBe('Wrong name or password.');
    await screenshot(page, 'sign-in-wrong-password.png');
    expect(await new AppHeader(page).userName.count()).toBe(0);
    expect(await new ArticleListPage(page).list.count()).toBe(0);

    // The form is still there to try again, and the right password lets them in.
    await signIn.signIn('translator', PASSWORD);
    await eventually(() => textOf(new AppHeader(page).userName)).toBe('translator');

    expect(pageErrors).toEqual([]);
  });

  test('a viewer sees no New article button', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    await page.goto('/');

    await new SignInPage(page).signIn('viewer', PASSWORD);
    await eventually(() => textOf(new AppHeader(page).role)).toBe('viewer');

    // Wait for the list itself, so the button's absence is not just the page still loading.
    const articles = new ArticleListPage(page);
    await articles.row(SEEDED.title).locator.waitFor();
    expect(await articles.newArticleButton.count()).toBe(0);
    await screenshot(page, 'article-list-viewer.png');

    expect(pageErrors).toEqual([]);
  });
});
