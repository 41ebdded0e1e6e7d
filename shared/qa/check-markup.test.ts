import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { a, doc, em, fig, li, p, strong } from '../testing/builders';
import { checkMarkup } from './check-markup';
import { segment } from './testing';

const checks = (source: PMNode, target: PMNode) => checkMarkup(segment({ source, target })).map((found) => `${found.check}:${found.severity}`);
const messages = (source: PMNode, target: PMNode) => checkMarkup(segment({ source, target })).map((found) => found.message);

const ANSWER = 'https://www.zhihu.com/question/372335557/answer/1030855639';

describe('checkMarkup', () => {
  test.each<[string, PMNode, PMNode, string[]]>([
    // links
    ['a link kept', doc(p(a(ANSWER, '回答'))), doc(p(em(a(ANSWER, '回答')))), []],
    ['a link pointed elsewhere', doc(p('见', a('https://zhihu.com/a', '这里'))), doc(p('See ', a('https://en.example.com/a', 'here'))), []],
    ['a link lost', doc(p('见', a('https://zhihu.com/a', '这里'))), doc(p('See here')), ['missing-link:warning']],
    [
      'one of two links lost',
      doc(p(a('https://a.cn', '甲'), '和', a('https://b.cn', '乙'))),
      doc(p(a('https://a.cn', 'A'), ' and B')),
      ['missing-link:warning'],
    ],
    ['a link added', doc(p('知乎')), doc(p(a('https://www.zhihu.com', 'Zhihu'))), []],
    // bold
    ['bold kept', doc(p('一句话：', strong('成熟的技术'))), doc(p('In a word: ', strong('mature technology'))), []],
    ['bold lost', doc(p('一句话：', strong('成熟的技术'))), doc(p('In a word: mature technology')), ['missing-bold:warning']],
    ['two bold passages merged', doc(p(strong('甲'), '和', strong('乙'))), doc(p(strong('A and B'))), ['missing-bold:warning']],
    ['bold added', doc(p('题主')), doc(p(strong('OP'))), []],
    ['bold split by a link stays one passage', doc(p(strong('甲乙'))), doc(p(strong('A ', a('https://x', 'B')))), []],
    // figures
    ['a figure kept', doc(fig('https://pic1.zhimg.com/a.jpg', '', '照片')), doc(fig('/assets/a.jpg', 'photo', 'Photo')), []],
    ['a figure lost', doc(fig('https://pic1.zhimg.com/a.jpg', '', '照片')), doc(p('Photo')), ['missing-figure:error']],
    ['one of two figures lost', doc(fig('https://x/a.jpg', ''), fig('https://x/b.jpg', '')), doc(fig('/assets/a.jpg', 'a')), ['missing-figure:error']],
    // list items
    ['a list item kept', doc(li({ ordered: true, number: 1 }, '安装设备')), doc(li({ ordered: true, number: 1 }, 'Install equipment')), []],
    ['a list item lost', doc(li({ ordered: true, number: 1 }, '安装设备')), doc(p('1. Install equipment')), ['missing-list-item:warning']],
    ['a bullet lost', doc(li({}, '安装设备')), doc(p('Install equipment')), ['missing-list-item:warning']],
  ])('%s', (_name, source, target, expected) => expect(checks(source, target)).toEqual(expected));

  test('names what was lost', () => {
    expect(messages(doc(p('见', a('https://zhihu.com/a', '这里'))), doc(p('See here')))).toEqual([
      'The source links “这里” (https://zhihu.com/a), but the translation has no such link.',
    ]);
    expect(messages(doc(p('一句话：', strong('成熟的技术'))), doc(p('In a word')))).toEqual([
      'The source has bold text (“成熟的技术”), but the translation has none.',
    ]);
    expect(messages(doc(p(strong('甲'), '和', strong('乙'))), doc(p(strong('A and B'))))).toEqual([
      'The source has 2 bold passages (“甲” and “乙”), but the translation has 1.',
    ]);
    expect(messages(doc(fig('https://pic1.zhimg.com/a.jpg', '', '隔离病房里的照片')), doc(p('Photo')))).toEqual([
      "The source's figure “隔离病房里的照片” is missing from the translation; add it back, or omit the row to leave it out.",
    ]);
    expect(messages(doc(li({ ordered: true, number: 1 }, '安装设备')), doc(p('Install')))).toEqual([
      'The source “安装设备” is a list item, but the translation is not.',
    ]);
  });

  test.each([
    ['an omitted block', segment({ source: doc(p(strong('广告'))), target: '', omitted: true })],
    ['an untranslated block', segment({ source: doc(p(strong('广告'))), target: '' })],
    ["the translator's own segment", segment({ source: '', target: doc(p(strong('Note'))) })],
  ])('has nothing to say about %s', (_name, row) => expect(checkMarkup(row)).toEqual([]));
});
