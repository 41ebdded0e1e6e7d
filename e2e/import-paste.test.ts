/**
 * A translator starts an article from a Chinese web page: they paste it into
 * the new-article dialog, check the server's preview of the segments, and
 * create it; a file Duet cannot read is refused in the dialog, creating nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleJson } from '../shared/protocol/api';
import { wordDocument } from '../shared/import/testdata/word-document';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_PAIRS, type PairsFixture } from '../shared/testing/fixtures';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser, screenshot } from './support/browser';
import { PASSWORD, startDuet } from './support/duet';
import { NewArticleDialog } from './support/new-article-dialog';
import { AppHeader, ArticleListPage, eventually, SignInPage, textOf } from './support/pages';

const ZHIHU = join(FIXTURES, 'sources', 'zhihu-372335557.html');
const QUESTION = '如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术，平均识别不到 20 秒准确率达 96%？';

describe('importing a source in the new-article dialog', () => {
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

  const articleCount = async () => ((await (await server.as('viewer', '/api/articles')).json()) as { articles: unknown[] }).articles.length;

  async function signedInTranslator() {
    const user = await newUser(browser, server.baseUrl);
    await user.page.goto('/');
    await new SignInPage(user.page).signIn('translator', PASSWORD);
    await eventually(() => textOf(new AppHeader(user.page).userName)).toBe('translator');
    await new ArticleListPage(user.page).list.waitFor();
    return user;
  }

  test.skipIf(!HAVE_FIXTURES)(
    `a translator pastes a Zhihu page into the new-article dialog, sees 43 segments in the preview, creates the article and lands in the editor with those 43 source segments${HAVE_FIXTURES ? '' : ` (skipped: ${NO_FIXTURES_REASON})`}`,
    async () => {
      const { page, pageErrors } = await signedInTranslator();
      const dialog = await NewArticleDialog.open(page);

      await dialog.pasteHtml(readFileSync(ZHIHU, 'utf8'));

      // The server's preview: the format it detected, the question as the source's title, every segment.
      await eventually(() => textOf(dialog.count)).toBe('43 segments');
      await eventually(() => dialog.previewState()).toBe('ready');
      expect(await dialog.format.textContent()).toBe('HTML');
      expect(await dialog.sourceTitle.textContent()).toBe(QUESTION);
      expect(await dialog.segments.count()).toBe(43);
      expect(await dialog.segmentKind(0).textContent()).toBe('Heading 1');
      expect(await dialog.segmentText(0).textContent()).toBe(QUESTION);
      // A figure shows its real (lazy-loaded) image address and its caption, loading nothing.
      const figure = dialog.segments.filter({ hasText: '来自隔离病房里一部污染手机的珍贵照片' });
      expect(await figure.getByTestId('import-figure-src').textContent()).toBe('https://pic1.zhimg.com/v2-5c1e0a7d3f2b9e8a4c6d0f1a2b3c4d5e_b.jpg');
      expect(await page.locator('[data-testid="new-article-dialog"] img').count()).toBe(0);
      // The pasted page itself was never put into the page: only its text, as text.
      expect(await dialog.locator.locator('script, iframe, [onerror]').count()).toBe(0);
      // The title starts as the source's; the translator gives it in English.
      expect(await dialog.title.inputValue()).toBe(QUESTION);
      await dialog.title.fill('How to view Ali DAMO Academy’s CT scan AI');
      await screenshot(page, 'import-paste-preview.png');

      const before = await articleCount();
      await dialog.create();

      // Straight into the editor, with every segment untranslated.
      await eventually(() => new URL(page.url()).pathname).toMatch(/^\/articles\/[A-Za-z0-9_-]+$/);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
      await eventually(() => textOf(page.getByTestId('editor-title'))).toBe('How to view Ali DAMO Academy’s CT scan AI');
      await eventually(() => textOf(page.locator('.editor-progress'))).toBe('0 / 43 translated');
      await eventually(() => textOf(page.getByTestId('segment-row').first().getByTestId('source-editor'))).toBe(QUESTION);
      await screenshot(page, 'import-paste-editor.png');

      // Stored with exactly the fixture's 43 sources, in order.
      expect(await articleCount()).toBe(before + 1);
      const article = (await (await server.as('viewer', `/api/articles/${encodeURIComponent(id)}`)).json()) as ArticleJson;
      expect(article.meta.sourceTitle).toBe(QUESTION);
      const expected = (JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture).pairs.flatMap((pair) =>
        pair.source ? [pair.source.text ?? pair.source.caption ?? ''] : [],
      );
      expect(article.segments.map((segment) => segment.source.text)).toEqual(expected);
      expect(article.segments.every((segment) => segment.status === 'untranslated' && segment.target.text === '')).toBe(true);

      expect(pageErrors).toEqual([]);
    },
  );

  test('a Word document dropped on the dialog previews its headings, list and image, and becomes an article', async () => {
    const { page, pageErrors } = await signedInTranslator();
    const dialog = await NewArticleDialog.open(page);

    await dialog.dropFile({
      name: 'report.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await wordDocument()),
    });
    await eventually(() => textOf(dialog.count)).toBe('8 segments');
    expect(await dialog.format.textContent()).toBe('Word');
    expect(await dialog.sourceSummary.textContent()).toContain('report.docx');
    expect(await dialog.segments.evaluateAll((items) => items.map((item) => item.getAttribute('data-type')))).toEqual([
      'heading',
      'heading',
      'paragraph',
      'list_item',
      'list_item',
      'list_item',
      'list_item',
      'figure',
    ]);
    // Word keeps its images inside the file: named by type and size, not printed as a data: URL.
    expect(await dialog.segments.last().getByTestId('import-figure-src').textContent()).toMatch(/^embedded image \(image\/png, \d+ bytes\)$/);

    await dialog.create();
    await eventually(() => textOf(page.locator('.editor-progress'))).toBe('0 / 8 translated');
    expect(pageErrors).toEqual([]);
  });

  test('a file Duet cannot read is refused in the dialog, in the server’s words, and nothing is created', async () => {
    const { page, pageErrors } = await signedInTranslator();
    const before = await articleCount();
    const dialog = await NewArticleDialog.open(page);

    await dialog.chooseFile({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n\t  \n') });
    await eventually(() => textOf(dialog.previewError)).toBe('notes.txt holds only white space.');
    expect(await dialog.submitButton.isDisabled()).toBe(true);
    expect(await dialog.segments.count()).toBe(0);

    // A binary file, picked by mistake: its own message replaces the last.
    await dialog.chooseFile({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]) });
    await eventually(() => textOf(dialog.previewError)).toBe('photo.txt is not a text file (it contains NUL bytes).');
    expect(await dialog.submitButton.isDisabled()).toBe(true);
    await screenshot(page, 'import-bad-file.png');

    await dialog.cancel();
    await dialog.locator.waitFor({ state: 'detached' });
    expect(await articleCount()).toBe(before);
    expect(pageErrors).toEqual([]);
  });
});
