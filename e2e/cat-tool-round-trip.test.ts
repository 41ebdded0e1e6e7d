/**
 * A translator sends an article to a CAT tool and brings it back: she
 * downloads the XLIFF from the publish page, fills a segment in the other
 * tool, and imports the file; a colleague with the editor open sees the new
 * translation and its status at once. When the colleague has meanwhile
 * changed a segment the file changes too, the import is refused whole and
 * says so, until she chooses to let the file win.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../server/testing/test-server';
import { launchBrowser, newUser } from './support/browser';
import { PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually, textOf } from './support/pages';
import { PublishPage } from './support/publish-page';

/** What a CAT tool does to one unit: give it this target and state. */
function translateUnit(xliff: string, unitIndex: number, text: string): string {
  let seen = -1;
  return xliff.replace(/<trans-unit\b[\s\S]*?<\/trans-unit>/g, (unit) => {
    if (++seen !== unitIndex) return unit;
    const target = `<target state="translated">${text}</target>`;
    return /<target\b[\s\S]*?<\/target>/.test(unit) ? unit.replace(/<target\b[\s\S]*?<\/target>/, target) : unit.replace('</source>', `</source>${target}`);
  });
}

describe('a round trip through a CAT tool', () => {
  let browser: Browser;
  let server: TestServer;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    articleId = seedArticle(server, { title: 'Through OmegaT', sourceTitle: '经过 OmegaT', statuses: ['untranslated', 'draft'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('export, translate elsewhere, import: the colleague sees it live; a conflict is refused until the file is told to win', async () => {
    const colleague = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(colleague.page, articleId, 'admin', PASSWORD);
    const translator = await newUser(browser, server.baseUrl);
    const publish = await PublishPage.open(translator.page, articleId, 'translator', PASSWORD);

    const href = await translator.page.getByTestId('download-xliff').getAttribute('href');
    const exported = await (await translator.page.request.get(href!)).text();
    expect(exported).toContain('<xliff');

    const importFile = async (content: string) =>
      translator.page
        .getByTestId('import-xliff')
        .setInputFiles({ name: 'through-omegat.xlf', mimeType: 'application/x-xliff+xml', buffer: Buffer.from(content) });
    const importStatus = translator.page.getByTestId('xliff-import-status');

    await importFile(translateUnit(exported, 0, 'Paragraph one, from OmegaT.'));
    await eventually(() => textOf(importStatus)).toContain('Updated 1 segment');
    await eventually(() => editor.targetText(0)).toBe('Paragraph one, from OmegaT.');
    await eventually(() => editor.row(0).getAttribute('data-status')).toBe('translated');

    // The colleague rewrites segment 2 in Duet; the file, made from the old export, changes it too.
    await editor.typeInTarget(1, ' Edited in Duet.');
    await eventually(() => editor.targetText(1)).toContain('Edited in Duet.');
    await eventually(() => editor.saved.getAttribute('data-saved')).toBe('true');
    await importFile(translateUnit(exported, 1, 'Paragraph two, from OmegaT.'));
    await eventually(() => textOf(importStatus)).toContain('Not imported');
    expect(await editor.targetText(1)).toContain('Edited in Duet.');

    await translator.page.getByTestId('xliff-overwrite').click();
    await eventually(() => textOf(importStatus)).toContain('Updated 1 segment');
    await eventually(() => editor.targetText(1)).toBe('Paragraph two, from OmegaT.');
    await eventually(() => publish.markdown.inputValue()).toContain('Paragraph two, from OmegaT.');

    expect(colleague.pageErrors).toEqual([]);
    expect(translator.pageErrors).toEqual([]);
  });
});
