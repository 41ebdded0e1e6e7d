import { describe, expect, test } from 'vitest';
import { parsePostDate } from './post-date';
import {
  DEFAULT_FILE_NAME_PATTERN,
  DEFAULT_PERMALINK_PATTERN,
  fileNamePatternProblem,
  permalinkPatternProblem,
  postFileName,
  postPermalink,
} from './site-patterns';

const date = parsePostDate('2020-02-23');

describe('file names and permalinks', () => {
  test("the defaults give the site's names", () => {
    expect(postFileName(DEFAULT_FILE_NAME_PATTERN, date, 'how-to-view-ali-damo-ai')).toBe('2020-02-23-how-to-view-ali-damo-ai.md');
    expect(postPermalink(DEFAULT_PERMALINK_PATTERN, date, 'Alibaba-DAMO')).toBe('/articles/2020/02/23/Alibaba-DAMO');
  });

  test.each([
    [':year-:month-:day-:title.markdown', '2020-02-23-slug.markdown'],
    [':slug.md', 'slug.md'],
  ])('%s gives %s', (pattern, name) => expect(postFileName(pattern, date, 'slug')).toBe(name));

  test.each([
    [':year-:month-:day.md', /must contain :slug/],
    [':slug.html', /must end in \.md/],
    [':year/:slug.md', /plain file name.*slash/],
    ['../:slug.md', /plain file name/],
  ])('refuses the file-name pattern %j', (pattern, message) => expect(fileNamePatternProblem(pattern)).toMatch(message));

  test.each([
    ['articles/:title', /must start with "\/"/],
    ['/a b/:title', /space or a control/],
  ])('refuses the permalink pattern %j', (pattern, message) => expect(permalinkPatternProblem(pattern)).toMatch(message));

  test('accepts the defaults', () => {
    expect(fileNamePatternProblem(DEFAULT_FILE_NAME_PATTERN)).toBeNull();
    expect(permalinkPatternProblem(DEFAULT_PERMALINK_PATTERN)).toBeNull();
  });
});
