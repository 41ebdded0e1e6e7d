/**
 * A real translation between Chinese and English that Duet did not make:
 * opensource.guide's code of conduct article beside its zh-hans translation,
 * paired block by block. Read as Chinese source beside English target, no
 * number or markup check should cry wolf on it.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { parseMarkdownFile } from '../markdown/parse-markdown';
import { schema } from '../schema/schema';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture } from '../testing/fixtures';
import { checkMarkup } from './check-markup';
import { checkNumbers } from './check-numbers';

const ARTICLES = join(FIXTURES, 'published', 'opensource.guide', '_articles');

describe.skipIf(!HAVE_FIXTURES)(`a parallel article from opensource.guide (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('code-of-conduct: no number or markup lost, block by block', () => {
    const english = parseMarkdownFile(readFixture(join(ARTICLES, 'code-of-conduct.md'))).blocks;
    const chinese = parseMarkdownFile(readFixture(join(ARTICLES, 'zh-hans', 'code-of-conduct.md'))).blocks;
    expect(chinese).toHaveLength(english.length);
    const issues = chinese.flatMap((block, index) => {
      const segment = {
        id: String(index),
        source: schema.nodes.doc!.create(null, [block.node]),
        target: schema.nodes.doc!.create(null, [english[index]!.node]),
        status: 'approved' as const,
        omitted: false,
      };
      return [...checkNumbers(segment), ...checkMarkup(segment)];
    });
    expect(issues).toEqual([]);
  });
});
