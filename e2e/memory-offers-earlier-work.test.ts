/**
 * The memory offers the team's earlier work. A translator confirms two
 * sentences in one article; in the next article, whose sentences are almost
 * the same, the caret in a segment brings up the memory's match under the
 * grid, with what differs marked; Ctrl+1 puts it in, bold and all, as an
 * edit Ctrl+Z takes back; a match that differs only in a number comes with
 * the number changed; and Ctrl+K finds a word anywhere in the memory. The
 * same sentence translated two ways in one article is marked on both rows.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { doc, p, strong } from '../shared/testing/builders';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser } from './support/browser';
import { PASSWORD, startDuet, storeArticle } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually } from './support/pages';

describe('the memory offers earlier work', () => {
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

  test('confirmed sentences come back as matches in the next article, inserted with Ctrl+1, found with Ctrl+K', async () => {
    const first = storeArticle(server, {
      frontMatter: [{ key: 'title', value: 'Last week' }],
      segments: [
        {
          source: doc(p('阿里巴巴达摩院今天发布了新的研究成果。')),
          target: doc(p('Alibaba ', strong('DAMO Academy'), ' released new research today.')),
          status: 'draft',
        },
        { source: doc(p('去年公司营收3亿元。')), target: doc(p('Last year the company had revenue of 300 million yuan.')), status: 'draft' },
      ],
    });
    const next = storeArticle(server, {
      segments: [
        { source: doc(p('阿里巴巴达摩院昨天发布了新的研究成果。')), target: doc(p()), status: 'untranslated' },
        { source: doc(p('去年公司营收5亿元。')), target: doc(p()), status: 'untranslated' },
      ],
    });
    const { page, pageErrors } = await newUser(browser, server.baseUrl);

    // Confirming is what fills the memory: Ctrl+Enter on each draft.
    const earlier = await EditorPage.open(page, first, 'translator', PASSWORD);
    for (const index of [0, 1]) {
      await earlier.target(index).click();
      await page.keyboard.press('Control+Enter');
      await eventually(() => earlier.row(index).getAttribute('data-status')).toBe('translated');
    }
    await eventually(() => earlier.isSaved()).toBe(true);

    await page.goto(`/articles/${next}`);
    const editor = new EditorPage(page);
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    await editor.target(0).click();
    const pane = page.getByTestId('matches-pane');
    const match = pane.getByTestId('memory-match').first();
    await eventually(() => match.getAttribute('data-score')).toBe('94');
    expect(await match.locator('.match-target').textContent()).toBe('Alibaba DAMO Academy released new research today.');
    expect(await match.locator('ins').allTextContents()).toEqual(['今']);
    expect(await match.locator('del').allTextContents()).toEqual(['昨']);
    expect(await match.locator('.match-origin').textContent()).toContain('Last week');

    // Ctrl+1 inserts it with its bold; Ctrl+Z takes it back; Ctrl+1 again.
    await page.keyboard.press('Control+1');
    await eventually(() => editor.targetText(0)).toBe('Alibaba DAMO Academy released new research today.');
    expect(await editor.target(0).locator('strong').textContent()).toBe('DAMO Academy');
    await page.keyboard.press('Control+z');
    await eventually(() => editor.targetText(0)).toBe('');
    await page.keyboard.press('Control+1');
    await eventually(() => editor.targetText(0)).toBe('Alibaba DAMO Academy released new research today.');
    await eventually(() => editor.isSaved()).toBe(true);
    // The row says, for the reviewer, that the translation came from the memory.
    expect(await editor.row(0).getByTestId('memory-note').textContent()).toBe('TM 94%');

    // Stored as an edit: the export has it, and the segment says where it came from.
    const markdown = await (await server.as('admin', `/api/articles/${next}/export`)).text();
    expect(markdown).toContain('Alibaba **DAMO Academy** released new research today.');

    // A sentence that differs only in its number: the English comes with the number changed.
    await editor.target(1).click();
    const numbers = pane.getByTestId('memory-match').first();
    await eventually(() => numbers.locator('.match-target').textContent()).toBe('Last year the company had revenue of 500 million yuan.');
    expect(await numbers.locator('.match-origin').textContent()).toContain('numbers adjusted');
    await page.keyboard.press('Control+1');
    await eventually(() => editor.targetText(1)).toBe('Last year the company had revenue of 500 million yuan.');

    // Concordance: Ctrl+K, a word, and every unit with it, the word marked.
    await page.keyboard.press('Control+k');
    const concordance = page.getByTestId('concordance-panel');
    await concordance.getByRole('searchbox').fill('达摩院');
    await eventually(() => concordance.getByTestId('concordance-hit').count()).toBe(1);
    expect(await concordance.locator('mark').allTextContents()).toEqual(['达摩院']);
    expect(await concordance.getByRole('link').textContent()).toBe('Last week');
    expect(pageErrors).toEqual([]);
  });

  test('the Memory panel analyses the article and fills it from the memory; a confirmed sentence fills its repetitions in one step', async () => {
    const repeated = '这是一个在文章里重复出现的句子。';
    const id = storeArticle(server, {
      segments: [repeated, '去年公司营收3亿元。', repeated, repeated, '完全没有见过的一句话。'].map((source) => ({
        source: doc(p(source)),
        target: doc(p()),
        status: 'untranslated' as const,
      })),
    });
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, id, 'translator', PASSWORD);

    // Before work starts: what the memory holds for this article, band by band.
    await page.getByTestId('memory-button').click();
    const panel = page.getByTestId('memory-panel');
    const segmentsIn = (band: string) => panel.locator(`tr[data-band="${band}"] td`).first().textContent();
    await eventually(() => segmentsIn('100')).toBe('1');
    expect(await segmentsIn('repetitions')).toBe('2');
    expect(await segmentsIn('none')).toBe('2');

    // Fill from memory: the exact match goes in as draft.
    await panel.getByTestId('pretranslate').click();
    await eventually(() => editor.targetText(1)).toBe('Last year the company had revenue of 300 million yuan.');
    await eventually(() => editor.row(1).getAttribute('data-status')).toBe('draft');
    await expect.poll(() => page.getByTestId('editor-notice').textContent()).toContain('1 of 5 untranslated segments filled');

    // She translates the repeated sentence and confirms it: the two repetitions are offered, and filled in one step.
    await editor.typeInTarget(0, 'This sentence comes again and again.');
    await page.keyboard.press('Control+Enter');
    const offer = page.getByTestId('repetitions-offer');
    await eventually(() => offer.textContent()).toContain('2 more times');
    await offer.getByTestId('fill-repetitions').click();
    for (const index of [2, 3]) {
      await eventually(() => editor.targetText(index)).toBe('This sentence comes again and again.');
      await eventually(() => editor.row(index).getAttribute('data-status')).toBe('draft');
    }
    expect(await editor.targetText(4)).toBe('');
    expect(pageErrors).toEqual([]);
  });
  test('a sentence she translates otherwise than the same sentence above is marked on both rows, each naming the other translation', async () => {
    const repeated = '疫情期间，医院增加了床位。';
    const id = storeArticle(server, {
      segments: [
        { source: doc(p(repeated)), target: doc(p('During the epidemic, the hospital added beds.')), status: 'translated' },
        { source: doc(p('另一句。')), target: doc(p('Another sentence.')), status: 'translated' },
        { source: doc(p(repeated)), target: doc(p()), status: 'untranslated' },
      ],
    });
    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, id, 'translator', PASSWORD);
    const warnings = (index: number) => editor.row(index).locator('[data-testid="qa-marker-issue"][data-check="inconsistent-translation"]');

    await editor.typeInTarget(2, 'The hospital added beds during the outbreak.');
    await eventually(() => warnings(0).count()).toBe(1);
    expect(await warnings(0).textContent()).toContain('“The hospital added beds during the outbreak.”');
    expect(await warnings(2).textContent()).toContain('“During the epidemic, the hospital added beds.”');
    expect(await warnings(1).count()).toBe(0);

    // She makes it read as the first: both marks go.
    await editor.target(2).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('During the epidemic, the hospital added beds.');
    await eventually(() => warnings(0).count()).toBe(0);
    expect(await warnings(2).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
