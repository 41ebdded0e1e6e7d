/**
 * The real client runs under the page's Content-Security-Policy in Chromium:
 * signing in, the article list, the editor with its websocket and a
 * colleague's caret, the publish page's preview, and a reload (index.html's
 * inline script at an article's address, the service worker) all happen
 * without the browser refusing anything. Every refusal is recorded from
 * before the page's first script (the `securitypolicyviolation` event, in
 * every document the page loads) and from the console; and a script
 * injected at the end is refused and recorded, so silence means there was
 * nothing to see.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser } from './support/browser';
import { addAccount, PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { ArticleListPage, eventually, SignInPage } from './support/pages';

const TITLE = 'Policy-abiding article';

declare global {
  interface Window {
    __reportViolation?: (text: string) => void;
  }
}

/** Every refusal the page's policy makes, in any document the page loads, as the page saw it and as the console said. */
async function watchViolations(page: Page): Promise<{ inPage: string[]; console: string[] }> {
  const found = { inPage: [] as string[], console: [] as string[] };
  // Out of the page at once: a reload would take a list kept in the page with it.
  await page.exposeFunction('__reportViolation', (text: string) => found.inPage.push(text));
  // An init script runs before any of the page's own, in every document.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportViolation!(`${event.effectiveDirective} refused ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.console.push(message.text());
  });
  return found;
}

describe('the client under its Content-Security-Policy', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    articleId = seedArticle(server, { title: TITLE, sourceTitle: '内容安全策略', statuses: ['translated', 'untranslated', 'draft'] });
    await addAccount(server, 'bob', 'translator');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a translator signs in, opens an article beside a colleague, previews it and reloads: nothing is refused', async () => {
    const translator = await newUser(browser, server.baseUrl);
    const { page } = translator;
    const violations = await watchViolations(page);

    const response = await page.goto('/');
    // The policy is really there: scripts from Duet and index.html's inline one by its hash, nothing inline otherwise.
    const policy = response!.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(policy).not.toContain('unsafe-inline');

    await new SignInPage(page).signIn('translator', PASSWORD);
    const articles = new ArticleListPage(page);
    const row = articles.row(TITLE);
    await row.locator.waitFor();
    await row.open();
    const editor = new EditorPage(page);
    // Connected: the websocket is allowed by connect-src 'self'.
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();

    // A colleague in the same article: each sees the other's words, and the colleague's caret is drawn in the translator's page.
    const colleague = await newUser(browser, server.baseUrl);
    const colleagueViolations = await watchViolations(colleague.page);
    const colleagueEditor = await EditorPage.open(colleague.page, articleId, 'bob', PASSWORD);
    await editor.typeInTarget(1, 'Typed under the policy.');
    await eventually(() => colleagueEditor.targetText(1)).toBe('Typed under the policy.');
    await colleagueEditor.typeInTarget(2, ' Bob too.');
    await eventually(() => editor.targetText(2)).toContain('Bob too.');
    await colleagueEditor.target(0).click();
    await editor.remoteCaret(0, 'bob').waitFor();
    await eventually(() => editor.isSaved()).toBe(true);

    // The publish page: a lazily loaded chunk, and the preview set as HTML.
    await page.getByTestId('publish-link').click();
    await page.getByTestId('preview').getByText('Typed under the policy.').waitFor();

    // A reload at the article's address: index.html's inline script runs and asks for the opening rows (through the service worker once it has taken over).
    await page.goto(`/articles/${articleId}`);
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();

    expect(violations.inPage).toEqual([]);
    expect(violations.console).toEqual([]);
    expect(colleagueViolations.inPage).toEqual([]);
    expect(colleagueViolations.console).toEqual([]);
    expect(translator.pageErrors).toEqual([]);
    expect(colleague.pageErrors).toEqual([]);
    // The inline script did run (a refused one leaves no trace but the violation).
    expect(await page.evaluate(() => typeof window.__duetEarly)).toBe('object');

    // And the policy does refuse what it should: a script injected into the page does not run, and is recorded.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
    });
    await eventually(() => violations.inPage.length).toBe(1);
    expect(violations.inPage[0]).toMatch(/^script-src-elem refused inline /);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  });
});
