/**
 * A translator gets an article ready to publish: the publish page lists what
 * is wrong (a segment not translated, Chinese punctuation left in a target, an
 * image still on the source site), each issue leads to its segment in the
 * editor, the preview shows the article as the site will (its figure, its
 * link), and once the text is fixed and the image uploaded onto the figure,
 * the errors are gone, the preview shows the stored image and the download is
 * the article's Markdown. A figure still pointing at the source site's image
 * is stored with one click, and that change undoes like typing. An
 * administrator publishes into the site's git repository, overriding a QA
 * error with a reason.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { a, doc, fig, p } from '../shared/testing/builders';
import type { TestServer } from '../server/testing/test-server';
import { createSiteRepo } from '../server/testing/site-repo';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { PASSWORD, startDuet, storeArticle } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually, textOf } from './support/pages';
import { PublishPage } from './support/publish-page';

/** A 1×1 PNG: the server stores only what its bytes say is an image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const REMOTE_IMAGE = 'https://pic1.zhimg.com/v2-5c1e0a7d_b.jpg';

function seed(server: TestServer): string {
  return storeArticle(server, {
    meta: { sourceTitle: '发布前的检查' },
    frontMatter: [
      { key: 'title', value: 'Checks before publishing' },
      { key: 'date', value: '2020-02-23' },
      { key: 'categories', value: ['opinion'] },
      { key: 'image', value: '/assets/media/2020-02-23/checks-01.jpg' },
      { key: 'blurb', value: 'What the publish page finds.' },
      { key: 'translator', value: 'COVID-19 Readings' },
    ],
    segments: [
      {
        id: 'linked',
        source: doc(p('见', a('https://example.org/report', '报告'), '。')),
        target: doc(p('See the ', a('https://example.org/report', 'report'), '.')),
        status: 'approved',
      },
      { id: 'punctuated', source: doc(p('他说：好的。')), target: doc(p('He said，fine。')), status: 'approved' },
      { id: 'untranslated', source: doc(p('第三段没有翻译。')), status: 'untranslated' },
      {
        id: 'figure',
        source: doc(fig(REMOTE_IMAGE, '', '隔离病房')),
        target: doc(fig(REMOTE_IMAGE, 'isolation ward', 'An isolation ward')),
        status: 'approved',
      },
    ],
  });
}

describe('getting an article ready to publish', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;
  /** Stands for the source site's image host (the server may fetch from it: DUET_MEDIA_FETCH_PRIVATE). */
  let imageHost: Server;
  let imageUrl: string;

  beforeAll(async () => {
    process.env.DUET_MEDIA_FETCH_PRIVATE = '1';
    imageHost = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG));
    await new Promise<void>((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}/v2-ward_b.png`;
    server = await startDuet();
    articleId = seed(server);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    imageHost?.close();
    delete process.env.DUET_MEDIA_FETCH_PRIVATE;
  });

  test('checks, preview, fixing, an image upload and the download', async () => {
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const publish = await PublishPage.open(page, articleId, 'translator', PASSWORD);

    // The checks find the untranslated segment, the Chinese punctuation and the remote image.
    await eventually(() =>
      publish.issues().evaluateAll((links) => links.map((link) => `${link.getAttribute('data-check')}@${link.getAttribute('data-segment')}`)),
    ).toEqual(expect.arrayContaining(['empty-target@untranslated', 'fullwidth-punctuation@punctuated', 'figure-remote-image@figure']));
    // Errors are listed before warnings.
    const severities = await publish.issues().evaluateAll((links) => links.map((link) => link.getAttribute('data-severity')));
    expect(severities).toEqual([...severities].sort());
    expect(await textOf(publish.issues('fullwidth-punctuation'))).toContain('Segment 2');

    // The preview is the article as the site shows it: the header, the figure, a link that opens the report in a new tab.
    expect(await textOf(publish.preview.locator('header h1'))).toBe('Checks before publishing');
    expect(await publish.preview.locator('figure img').getAttribute('alt')).toBe('isolation ward');
    expect(await textOf(publish.preview.locator('figure figcaption'))).toBe('An isolation ward');
    const link = publish.preview.locator('a', { hasText: 'report' });
    expect(await link.getAttribute('href')).toBe('https://example.org/report');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await publish.markdown.inputValue()).toContain('See the <a href="https://example.org/report" target="_blank">report</a>.');

    await screenshot(page, 'publish-page-before.png');

    // The punctuation issue leads to its segment in the editor, with the caret in its translation.
    await publish.issues('fullwidth-punctuation').click();
    const editor = new EditorPage(page);
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    const focusedSegment = () => page.evaluate(() => document.activeElement?.closest('[data-testid="segment-row"]')?.getAttribute('data-segment') ?? null);
    await eventually(focusedSegment).toBe('punctuated');
    expect(new URL(page.url()).hash).toBe('#segment=punctuated');
    // The row carries its QA marker too.
    await eventually(() => editor.row(1).getByTestId('qa-marker').getAttribute('data-count')).toBe('1');

    // Fix the punctuation, translate the missing segment; Ctrl+Enter marks each translated.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('He said, fine.', { delay: 5 });
    await page.keyboard.press('Control+Enter');
    await eventually(focusedSegment).toBe('untranslated');
    await page.keyboard.type('The third paragraph is not translated.', { delay: 5 });
    await page.keyboard.press('Control+Enter');
    await eventually(() => editor.row(1).getAttribute('data-status')).toBe('translated');
    await eventually(() => editor.row(2).getAttribute('data-status')).toBe('translated');
    await editor.row(1).getByTestId('qa-marker').waitFor({ state: 'detached' });

    await screenshot(page, 'editor-with-qa-markers.png');

    // Drop an image file onto the figure: it is uploaded and takes the remote image's place.
    const figure = editor.target(3).locator('figure');
    await figure.evaluate((element, base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'ward.png', { type: 'image/png' }));
      for (const type of ['dragenter', 'dragover', 'drop']) element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, PNG.toString('base64'));
    const storedPrefix = `/api/articles/${articleId}/media/`;
    await eventually(() => figure.locator('img').getAttribute('src')).toMatch(new RegExp(`^${storedPrefix}[0-9a-f]{64}\\.png$`));
    const stored = (await figure.locator('img').getAttribute('src'))!;
    // Changing the image is an edit like any other: the segment is a draft until the translator confirms it.
    await eventually(() => editor.row(3).getAttribute('data-status')).toBe('draft');
    await figure.locator('figcaption').click();
    await page.keyboard.press('Control+Enter');
    await eventually(() => editor.row(3).getAttribute('data-status')).toBe('translated');
    await eventually(() => editor.isSaved()).toBe(true);

    // Back on the publish page: no errors left, the preview shows the stored image.
    await page.getByTestId('publish-link').click();
    await publish.qaPanel.waitFor();
    await eventually(() => publish.errorCount()).toBe(0);
    expect(await publish.issues('fullwidth-punctuation').count()).toBe(0);
    const previewImage = publish.preview.locator('figure img');
    expect(await previewImage.getAttribute('src')).toBe(stored);
    await eventually(() => previewImage.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await textOf(publish.preview)).toContain('He said, fine.');

    await screenshot(page, 'publish-page-after.png');

    // The download is the article's Markdown, as the server exports it.
    const [download] = await Promise.all([page.waitForEvent('download'), publish.downloadMarkdown.click()]);
    expect(download.suggestedFilename()).toBe('2020-02-23-checks-before-publishing.md');
    const downloaded = readFileSync((await download.path())!, 'utf8');
    expect(downloaded).toBe(await (await server.as('viewer', `/api/articles/${articleId}/export`)).text());
    expect(downloaded).toContain('He said, fine.\n\nThe third paragraph is not translated.\n\n<figure>\n');
    expect(downloaded).toContain(`  <img src="${stored}" alt="isolation ward"/>`);
    expect(pageErrors).toEqual([]);
  });

  test('a remote image is stored with one click, and storing it undoes like typing', async () => {
    const id = storeArticle(server, {
      frontMatter: [{ key: 'title', value: 'A remote image' }],
      segments: [{ id: 'figure', source: doc(fig(imageUrl, '', '病房')), target: doc(fig(imageUrl, 'ward', 'A ward')), status: 'translated' }],
    });
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, id, 'translator', PASSWORD);
    const image = editor.target(0).locator('figure img');
    expect(await image.getAttribute('src')).toBe(imageUrl);
    await eventually(() =>
      editor
        .row(0)
        .getByTestId('qa-marker-issue')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-check'))),
    ).toContain('figure-remote-image');

    await editor.row(0).getByTestId('store-image').click();
    const storedSrc = new RegExp(`^/api/articles/${id}/media/[0-9a-f]{64}\\.png$`);
    await eventually(() => image.getAttribute('src')).toMatch(storedSrc);
    await editor.row(0).getByTestId('remote-figures').waitFor({ state: 'detached' });
    const stored = (await (await server.as('viewer', `/api/articles/${id}/media`)).json()) as { media: { url: string }[] };
    expect(stored.media.map((item) => item.url)).toEqual([await image.getAttribute('src')]);

    // Ctrl+Z in the translation puts the remote image back; Ctrl+Shift+Z the stored one again.
    await editor.target(0).locator('figcaption').click();
    await page.keyboard.press('Control+z');
    await eventually(() => image.getAttribute('src')).toBe(imageUrl);
    // The row offers to store it again, and stops offering once it is stored again.
    await editor.row(0).getByTestId('remote-figures').waitFor();
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => image.getAttribute('src')).toMatch(storedSrc);
    await editor.row(0).getByTestId('remote-figures').waitFor({ state: 'detached' });
    await eventually(() => editor.isSaved()).toBe(true);
    expect(await (await server.as('viewer', `/api/articles/${id}/export`)).text()).toMatch(
      new RegExp(`<img src="/api/articles/${id}/media/[0-9a-f]{64}\\.png" alt="ward"/>`),
    );
    expect(pageErrors).toEqual([]);
  });

  test('an administrator publishes into the site’s repository, overriding a QA error with a reason', async () => {
    const repo = createSiteRepo();
    try {
      const put = await server.as('admin', '/api/site', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ repo: repo.dir }),
      });
      expect(put.status).toBe(200);
      const id = storeArticle(server, {
        frontMatter: [
          { key: 'title', value: 'Ready to publish' },
          { key: 'date', value: '2020-02-23' },
          { key: 'categories', value: ['opinion'] },
          { key: 'image', value: '/assets/media/2020-02-23/ready-01.jpg' },
          { key: 'blurb', value: 'Almost done.' },
          { key: 'translator', value: 'COVID-19 Readings' },
        ],
        segments: [
          { source: doc(p('第一段。')), target: doc(p('The first paragraph.')), status: 'approved' },
          { source: doc(p('第二段。')), target: doc(p('The second paragraph.')), status: 'draft' },
        ],
      });
      const { page, pageErrors } = await newUser(browser, server.baseUrl);
      const publish = await PublishPage.open(page, id, 'admin', PASSWORD);
      const post = '_posts/2020-02-23-ready-to-publish.md';
      await eventually(() => textOf(page.getByTestId('publish-target'))).toBe(post);

      // Refused while the draft remains, unless an administrator says why.
      expect(await textOf(page.getByTestId('publish-blocked'))).toContain('is still a draft');
      expect(await page.getByTestId('publish-button').isDisabled()).toBe(true);
      await page.getByTestId('override-toggle').check();
      expect(await page.getByTestId('publish-button').isDisabled()).toBe(true);
      await page.getByTestId('override-reason').fill('The second paragraph is final; its reviewer is away.');
      await page.getByTestId('publish-button').click();

      const result = page.getByTestId('publish-result');
      await result.waitFor();
      expect(await textOf(page.getByTestId('publish-commit'))).toBe(repo.git('rev-parse', 'HEAD').trim().slice(0, 10));
      expect(await result.getAttribute('data-pushed')).toBe('false');
      expect(repo.files()).toEqual([post]);
      expect(readFileSync(join(repo.dir, post), 'utf8')).toBe(await publish.markdown.inputValue());
      expect(repo.git('log', '-1', '--format=%an%n%B')).toContain('The second paragraph is final; its reviewer is away.');
      expect(pageErrors).toEqual([]);
    } finally {
      repo.remove();
    }
  });
});
