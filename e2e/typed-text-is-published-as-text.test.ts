/**
 * A translator types text that happens to look like code into the editor:
 * Liquid (`{{ site.title }}`, `{% include %}`, an unclosed tag), HTML
 * (`<script>`), character references, and what kramdown reads as structure
 * (a pipe, a footnote marker, an abbreviation, an attribute list, maths). An
 * administrator publishes the article into the site's repository, and QA does
 * not stand in the way: it only informs. The site's own Jekyll build (strict
 * front matter, strict Liquid) passes, and the page, opened in Chromium,
 * shows every one of them exactly as typed: no site variable, no included
 * file, no table, no script, nothing missing.
 */
import { basename } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { a, code, doc, fig, p } from '../shared/testing/builders';
import type { Publication } from '../shared/protocol/api';
import type { TestServer } from '../server/testing/test-server';
import { createSiteRepo, type SiteRepo } from '../server/testing/site-repo';
import { launchBrowser, newUser } from './support/browser';
import { PASSWORD, startDuet, storeArticle } from './support/duet';
import { EditorPage } from './support/editor-page';
import { buildPost, makeStrictSite, SITE_SECRETS } from './support/jekyll-site';
import { eventually } from './support/pages';

/** What the translator types, one target each. */
const TYPED = [
  'The site is {{ site.title }}, its key {{ site.secret_api_key }}.',
  'Include {% include secrets.txt %}, then {% raw %} and {{ unclosed',
  'A <script>alert(1)</script> and <b>no bold</b>, R&D and &amp; and &copy;',
  'Pros | cons',
  'Footnote[^1] and {: .not-a-class} and $$x^2$$ and {::comment}',
  '*[HTML]: not an abbreviation',
];
/** Stored with the article, as if typed before: the front matter, a code span and a figure (its description and caption). */
const TITLE = 'Typed: "{{ site.title }}" stays {% raw %} text';
const BLURB = '{% include secrets.txt %} is not included';
const CODE = '{{ site.secret_api_key }} | x';
const ALT = 'alt {{ site.title }}';
const CAPTION = 'Caption {% include secrets.txt %} <em>not emphasis</em> | y';
/** A link on the site, pasted with Liquid in its address. */
const LINK = '/search/?q={{ site.secret_api_key }}';

describe('typed text is published as that text', () => {
  let browser: Browser;
  let server: TestServer;
  let repo: SiteRepo;

  beforeAll(async () => {
    server = await startDuet();
    repo = createSiteRepo();
    makeStrictSite(repo);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    repo?.remove();
  });

  test('Liquid, HTML and kramdown syntax typed into a translation reach the built site as typed', async () => {
    const put = await server.as('admin', '/api/site', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repo: repo.dir }),
    });
    expect(put.status).toBe(200);
    const id = storeArticle(server, {
      frontMatter: [
        { key: 'title', value: TITLE },
        { key: 'date', value: '2020-02-23' },
        { key: 'categories', value: ['opinion'] },
        { key: 'image', value: '/assets/media/2020-02-23/typed-01.jpg' },
        { key: 'blurb', value: BLURB },
        { key: 'translator', value: 'COVID-19 Readings' },
      ],
      segments: [
        ...TYPED.map((_, i) => ({ source: doc(p(`第${i + 1}段。`)), target: doc(p()), status: 'untranslated' as const })),
        { source: doc(p('运行代码。')), target: doc(p('Run ', code(CODE), '.')), status: 'approved' as const },
        {
          source: doc(fig('/assets/media/2020-02-23/typed-01.jpg', '', '图')),
          target: doc(fig('/assets/media/2020-02-23/typed-01.jpg', ALT, CAPTION)),
          status: 'approved' as const,
        },
        { source: doc(p('见搜索。')), target: doc(p('See ', a(LINK, 'the search'), '.')), status: 'approved' as const },
      ],
    });

    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(page, id, 'translator', PASSWORD);
    for (const [i, text] of TYPED.entries()) {
      await editor.typeInTarget(i, text);
      await eventually(() => editor.targetText(i)).toBe(text);
      // Done with it: marked translated, as translators do.
      await page.keyboard.press('Control+Enter');
      await eventually(() => editor.row(i).getAttribute('data-status')).toBe('translated');
    }
    await eventually(() => editor.isSaved()).toBe(true);
    expect(pageErrors).toEqual([]);

    // No QA error blocks it (the typed rows are translated, not yet reviewed: a warning): what was typed is published as text, and QA says so, as a warning.
    const response = await server.as('admin', `/api/articles/${id}/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const body = (await response.json()) as { publication: Publication; issues: { check: string; severity: string }[] };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(body.issues.map((issue) => issue.check)).toContain('liquid-in-text');

    const html = buildPost(
      repo,
      basename(body.publication.path)
        .replace(/^\d{4}-\d{2}-\d{2}-/, '')
        .replace(/\.md$/, ''),
    );
    for (const secret of Object.values(SITE_SECRETS)) expect(html).not.toContain(secret);

    const site = await browser.newPage();
    try {
      await site.setContent(html);
      expect(await site.locator('#page-title').textContent()).toBe(TITLE);
      expect(await site.locator('#blurb').textContent()).toBe(BLURB);
      const paragraphs = await site.locator('main > p').allTextContents();
      expect(paragraphs.slice(0, TYPED.length)).toEqual(TYPED);
      expect(paragraphs[TYPED.length]).toBe(`Run ${CODE}.`);
      expect(await site.locator('main code').textContent()).toBe(CODE);
      expect(await site.locator('figure img').getAttribute('alt')).toBe(ALT);
      expect(await site.locator('figcaption').textContent()).toBe(CAPTION);
      expect(await site.locator('main a', { hasText: 'the search' }).getAttribute('href')).toBe(LINK);
      // Nothing typed became structure: no script ran or exists, no table, no footnotes, no emphasis, no abbreviation.
      expect(await site.locator('script, table, sup, .footnotes, abbr, main b, main em, .not-a-class').count()).toBe(0);
    } finally {
      await site.close();
    }
  });
});
