/**
 * `duet import FILE --format …` against a real SQLite store in a temporary data
 * folder: Chinese sources of every format, the default for each kind of file,
 * and bad input.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleCount, duet } from './testing/cli-runner';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, REPO_ROOT, SEED_ARTICLE } from '../shared/testing/fixtures';
import { wordDocument } from '../shared/import/testdata/word-document';
import type { ArticleJson } from '../shared/protocol/api';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newDataDir = () => join(root, `data-${++folders}`);
const ZHIHU = join(FIXTURES, 'sources', 'zhihu-372335557.html');

function write(name: string, content: string | Uint8Array): string {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
}

/** Import, then show: the stored article as the API and `duet show` give it. */
async function importAndShow(...args: string[]): Promise<ArticleJson> {
  const data = newDataDir();
  const imported = await duet('import', ...args, '--data', data);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  const id = imported.stdout.trim();
  expect(id).toMatch(/^[0-9a-z]{10}$/);
  return JSON.parse((await duet('show', id, '--json', '--data', data)).stdout) as ArticleJson;
}

describe.skipIf(!HAVE_FIXTURES)(`the Zhihu source (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test.each([
    ['by its name', []],
    ['with --format html', ['--format', 'html']],
  ])('imports as 43 untranslated source segments %s', async (_name, flags) => {
    const article = await importAndShow(ZHIHU, ...flags);
    expect(article.meta.sourceTitle).toBe('如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术，平均识别不到 20 秒准确率达 96%？');
    expect(article.segments).toHaveLength(43);
    expect(article.segments.every((segment) => segment.status === 'untranslated' && segment.target.text === '')).toBe(true);
    expect(article.segments[0]!.source.markdown).toBe('# 如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术，平均识别不到 20 秒准确率达 96%？');
  });

  test('--format text reads the same file as text', async () => {
    const article = await importAndShow(ZHIHU, '--format', 'text');
    expect(article.segments[0]!.source.text).toMatch(/^<div class="QuestionHeader">/);
  });

  test('a published article (.md with front matter) is still a published article by default', async () => {
    const article = await importAndShow(SEED_ARTICLE);
    expect(article.segments).toHaveLength(51);
    expect(article.segments[0]!.status).toBe('translated');
    expect(article.segments[0]!.source.text).toBe('');
  });

  test('--format markdown reads a front-matter .md as a Chinese source', async () => {
    const article = await importAndShow(join(FIXTURES, 'published', 'opensource.guide', '_articles', 'zh-hans', 'metrics.md'), '--format', 'markdown');
    expect(article.meta.sourceTitle).toBe('开源衡量标准');
    expect(article.meta.frontMatter).toEqual({});
    expect(article.segments[0]!.source.markdown).toBe('## 为什么要度量这一切？');
    expect(article.segments.every((segment) => segment.status === 'untranslated')).toBe(true);
  });
});

describe('sources of each format', () => {
  test('a .md without front matter is a Chinese source, read by its content', async () => {
    const article = await importAndShow(write('notes.md', '## 小标题\n\n正文有**重点**。\n'));
    expect(article.segments.map((segment) => [segment.status, segment.source.markdown])).toEqual([
      ['untranslated', '## 小标题'],
      ['untranslated', '正文有**重点**。'],
    ]);
  });

  test('a .txt file is plain text', async () => {
    const article = await importAndShow(write('notes.txt', '## 不是标题\n\n第二段，\n被换行。\n'), '--title', 'Notes');
    expect(article.meta.frontMatter).toEqual({ title: 'Notes' });
    expect(article.segments.map((segment) => segment.source.text)).toEqual(['## 不是标题', '第二段，被换行。']);
  });

  test('a Word document', async () => {
    const article = await importAndShow(write('report.docx', await wordDocument()));
    expect(article.meta.sourceTitle).toBe('医疗 AI 的现状');
    expect(article.segments.map((segment) => segment.source.text)).toEqual([
      '医疗 AI 的现状',
      '背景',
      '这是重点内容。',
      '移动 CT',
      'AI 诊断',
      '第一步',
      '第二步',
      '图：肺部 CT',
    ]);
  });

  test('a Word document with no extension, by --format docx', async () => {
    const article = await importAndShow(write('report-download', await wordDocument()), '--format', 'docx');
    expect(article.segments).toHaveLength(8);
  });
});

describe('bad input: one line on stderr, a non-zero exit, nothing stored', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['an unknown format', () => [write('a.txt', '正文'), '--format', 'pdf'], 2, /--format must be one of published, html, markdown, text, docx, not "pdf"/],
    ['HTML with no text', () => [write('empty.html', '<script>alert(1)</script><p style="display:none">隐藏</p>')], 1, /empty\.html has no text to import/],
    ['a binary file given as HTML', () => [write('photo.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])), '--format', 'html'], 1, /not a text file/],
    ['a text file given as Word', () => [write('words.txt', '正文'), '--format', 'docx'], 1, /not a Word \(\.docx\) document/],
    ['a damaged Word file', () => [write('broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))], 1, /broken\.docx is not a readable Word/],
    ['a zip that is not Word', () => [write('photos.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))], 1, /zip archive, not a Word/],
  ];

  test.each(cases)('%s', async (_name, args, exitCode, message) => {
    const data = newDataDir();
    const result = await duet('import', ...args(), '--data', data);
    expect(result.code).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    if (exitCode === 1) expect(articleCount(data)).toBe(0);
  });
});

describe('source metadata', () => {
  test('duet show gives the source title, author, date and address of an imported WeChat page', async () => {
    const article = await importAndShow(join(REPO_ROOT, 'shared', 'import', 'testdata', 'wechat-article.html'));
    expect(article.meta).toMatchObject({
      sourceTitle: '一线医生谈 AI 读片',
      sourceAuthor: '李医生',
      sourceDate: '2020-02-23T10:30',
      sourceUrl: 'http://mp.weixin.qq.com/s?__biz=MzA5NzEwMTQ2MQ==&mid=2650001234&idx=1&sn=abcdef',
    });
  });
});
