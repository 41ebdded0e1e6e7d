/**
 * A translator pastes a sentence from a web page into a translation. Its
 * links come with it when they point to the web, a mailbox or the site; a
 * link to a `javascript:` or `data:` address comes as its text alone, so the
 * edit is accepted and saved, and the published post carries no such link.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { doc, p } from '../shared/testing/builders';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser } from './support/browser';
import { PASSWORD, startDuet, storeArticle } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually } from './support/pages';

const PASTED =
  '<meta charset="utf-8"><p>Read <a href="https://example.org/report">the report</a>, ' +
  '<a href="javascript:alert(document.cookie)">click here</a>, ' +
  '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">this</a> and <a href="/2020/02/23/earlier/">our earlier post</a>.</p>';

describe('pasted links stay safe', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startDuet();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a pasted javascript: or data: link arrives as its text; web and site links stay links', async () => {
    const id = storeArticle(server, { segments: [{ source: doc(p('阅读报告。')), target: doc(p()), status: 'untranslated' }] });
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, id, 'translator', PASSWORD);
    await editor.target(0).click();
    // What a browser hands the editor when one pastes a selection copied from a page.
    await editor.target(0).evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Read the report, click here, this and our earlier post.');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PASTED);

    await eventually(() => editor.targetText(0)).toBe('Read the report, click here, this and our earlier post.');
    const links = await editor
      .target(0)
      .locator('a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(['https://example.org/report', '/2020/02/23/earlier/']);
    await eventually(() => editor.isSaved()).toBe(true);
    expect(await page.getByTestId('editor-notice').count()).toBe(0);
    expect(pageErrors).toEqual([]);

    const markdown = await (await server.as('admin', `/api/articles/${id}/export`)).text();
    expect(markdown).toContain('click here');
    expect(markdown).not.toMatch(/javascript:|data:text/);
    expect(markdown).toContain('(/2020/02/23/earlier/)');
  });
});
