/**
 * Byte-exact round trips of real published files, and the bilingual ground
 * truth: an article built from the seed's aligned pairs exports as the seed.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle, setSide } from '../article/article';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, publishedFixtures, readFixture, SEED_ARTICLE, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { articleFromPairs } from '../testing/pairs';
import { articleFromMarkdown, articleToMarkdown } from './article-markdown';
import { parseMarkdownBlocks } from './parse-markdown';
import { serializeBlock } from './serialize-block';
import { parseFrontMatter, serializeFrontMatter } from './front-matter';
import { doc, p, strong } from '../testing/builders';

function exportOf(init: ReturnType<typeof articleFromMarkdown>): string {
  const ydoc = new Y.Doc();
  createArticle(ydoc, init);
  return articleToMarkdown(readArticle(ydoc));
}

describe.skipIf(!HAVE_FIXTURES)(`published fixtures (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  describe('import then export without edits gives the same bytes', () => {
    test.each(publishedFixtures())('%s', (_name, path) => {
      const text = readFixture(path);
      expect(exportOf(articleFromMarkdown(text))).toBe(text);
    });
  });

  describe('the bilingual ground truth', () => {
    const fixture = (): PairsFixture => JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture;

    test('the pairs, exported from the model alone, equal the published seed byte for byte', () => {
      expect(exportOf(articleFromPairs(fixture()))).toBe(readFixture(SEED_ARTICLE));
    });

    test('the pairs with their imported Markdown kept also equal the seed', () => {
      expect(exportOf(articleFromPairs(fixture(), true))).toBe(readFixture(SEED_ARTICLE));
    });

    // Collected even when the suite is skipped: read the pairs only where they exist.
    test.each((HAVE_FIXTURES ? fixture().pairs : []).map((pair, i) => [i + 1, pair.target] as const))(
      'seed block %i is written in the house style',
      (_n, target) => {
        const blocks = parseMarkdownBlocks(target);
        expect(blocks.map(serializeBlock).join('\n\n')).toBe(target);
      },
    );

    test("the seed's front matter is the house style's own output", () => {
      const yaml = `${fixture().frontMatter}\n`;
      expect(serializeFrontMatter(parseFrontMatter(yaml))).toBe(yaml);
    });
  });

  test('editing one block of a published file changes only that block', () => {
    const original = readFixture(SEED_ARTICLE);
    const ydoc = new Y.Doc();
    createArticle(ydoc, articleFromMarkdown(original));
    const segments = readArticle(ydoc).segments;
    const index = segments.findIndex((segment) => segment.target.textContent.startsWith('Relevant Occupation'));
    setSide(ydoc, segments[index]!.id, 'target', doc(p(strong('Occupation:'), ' anesthesiologist.')), 'tester');
    const edited = articleToMarkdown(readArticle(ydoc));
    expect(edited).toBe(original.replace(/^Relevant Occupation.*$/m, '**Occupation:** anesthesiologist.'));
  });

  test('a Jekyll post in another Markdown style keeps its style outside the edited block', () => {
    const path = publishedFixtures().find(([name]) => name.endsWith('2018-08-01-jekyll-sponsoring.markdown'))![1];
    const original = readFixture(path);
    const ydoc = new Y.Doc();
    createArticle(ydoc, articleFromMarkdown(original));
    const first = readArticle(ydoc).segments.find((segment) => segment.target.textContent.startsWith('Hi Jekyllers'))!;
    setSide(ydoc, first.id, 'target', doc(p('Hello, Jekyllers,')), 'tester');
    expect(articleToMarkdown(readArticle(ydoc))).toBe(original.replace('Hi Jekyllers,', 'Hello, Jekyllers,'));
  });
});
