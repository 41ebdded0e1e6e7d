/** Slugs, file names and folders that users and admins give are checked before they become paths. */
import { describe, expect, test } from 'vitest';
import { fileNameProblem, folderProblem, slugProblem } from './untrusted-names';

describe('slugProblem', () => {
  test.each([['how-to-view-ali-damo-ai'], ['Alibaba-DAMO-Academy-Medical-AI-Diagnoses-COVID-19'], ['covid_19.notes'], ['武汉-日记'], ['a'.repeat(100)]])(
    'accepts %j',
    (slug) => expect(slugProblem(slug)).toBeNull(),
  );

  test.each([
    ['', /is empty/],
    ['..', /contains "\.\."/],
    ['a..b', /contains "\.\."/],
    ['../../etc/passwd', /contains "\.\."/],
    ['/etc/passwd', /absolute path/],
    ['\\windows', /absolute path/],
    ['C:evil', /absolute path/],
    ['a/b', /contains a slash/],
    ['a\\b', /contains a slash/],
    ['line\nbreak', /control character/],
    ['nul\u0000', /control character/],
    ['esc\u001b[31m', /control character/],
    ['sep\u2028', /control character/],
    ['a'.repeat(101), /101 characters long; the limit is 100/],
    ['.hidden', /starts with "\."/],
    ['-rf', /starts with "-"/],
    [' padded', /starts or ends with a space/],
    ['two words', /only letters, digits/],
    ["academy's", /only letters, digits/],
    ['what?', /only letters, digits/],
  ])('refuses %j', (slug, message) => expect(slugProblem(slug)).toMatch(message));
});

describe('fileNameProblem', () => {
  test.each([['2020-02-23-how-to-view-ali-damo-ai.md'], ['photo 1.jpg']])('accepts %j', (name) => expect(fileNameProblem(name)).toBeNull());
  test.each([
    ['', /is empty/],
    ['../x.md', /"\.\."/],
    ['_posts/x.md', /slash/],
    ['x\r.md', /control character/],
    ['ab:c.md', /not allowed/],
    ['.git', /starts with "\."/],
    [`${'a'.repeat(148)}.md`, /limit is 150/],
  ])('refuses %j', (name, message) => expect(fileNameProblem(name)).toMatch(message));
});

describe('folderProblem', () => {
  test.each([['_posts'], ['assets/media'], ['content/_posts'], ['.well-known/img']])('accepts %j', (folder) => expect(folderProblem(folder)).toBeNull());
  test.each([
    ['', /is empty/],
    ['/srv/site/_posts', /absolute path/],
    ['C:/site', /absolute path/],
    ['assets\\media', /backslash/],
    ['../outside', /"\.\."/],
    ['assets/../../x', /"\.\."/],
    ['assets//media', /empty or "\." part/],
    ['./_posts', /empty or "\." part/],
    ['assets/media/', /empty or "\." part/],
    ['.git/hooks', /inside \.git/],
    ['site/.GIT', /inside \.git/],
    ['tab\there', /control character/],
    ['x'.repeat(201), /limit is 200/],
  ])('refuses %j', (folder, message) => expect(folderProblem(folder)).toMatch(message));
});
