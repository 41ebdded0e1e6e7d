import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { a, doc, em, fig, p, raw, rawInline, strong } from '../testing/builders';
import { checkChinese } from './check-chinese';
import { segment } from './testing';

const check = (target: PMNode | string) => checkChinese(segment({ source: '原文', target }));
const checks = (target: PMNode | string) => check(target).map((found) => found.check);

describe('checkChinese', () => {
  test.each<[string, PMNode | string, string[]]>([
    ['plain English', 'OP (original poster) is a student of radiology: really!', []],
    ['English typography: apostrophes, ellipses, dashes', 'I’d say two had passed… -- the translator — yes', []],
    ['a Chinese word', 'Zhong Nanshan (钟南山) said so.', ['chinese-text']],
    ['an untranslated sentence', '题主是一名放射专业的学生。', ['chinese-text']],
    ['Chinese in bold', doc(p('This is ', strong('重要'), '.')), ['chinese-text']],
    ['Chinese in a caption', doc(fig('/assets/a.jpg', 'ward', '隔离病房')), ['chinese-text']],
    ['Chinese in an image description', doc(fig('/assets/a.jpg', '隔离病房', 'An isolation ward')), ['chinese-text']],
    ['Chinese in a raw block', doc(raw('<aside>注意</aside>')), ['chinese-text']],
    ['a full-width comma', 'Hello，world', ['fullwidth-punctuation']],
    ['a full-width colon and brackets', 'Note：（see above）', ['fullwidth-punctuation']],
    ['an enumeration comma', 'a、b', ['fullwidth-punctuation']],
    ['curly double quotes', 'this “radiologist” even has', ['fullwidth-punctuation']],
    ['full-width digits', 'In ２０２０', ['fullwidth-punctuation']],
    ['the ideographic space', '\u3000Indented', ['fullwidth-punctuation']],
    ['both', '钟南山 said，no', ['chinese-text', 'fullwidth-punctuation']],
    // where the house style keeps Chinese: link text
    [
      'the linked source title',
      doc(p(em(a('https://www.zhihu.com/question/372335557', '如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术，平均识别不到 20 秒准确率达 96%？')))),
      [],
    ],
    ['a linked “answer”', doc(p(em(a('https://www.zhihu.com/question/1/answer/2', '回答')))), []],
    ['知乎 (Zhihu)', doc(p(em(a('https://www.zhihu.com', '知乎 (Zhihu)'), ' is a popular Quora style question and answer platform in China.'))), []],
    ['a link in raw HTML', doc(p(rawInline('<a href="https://www.zhihu.com">知乎</a>'), ' is a platform.')), []],
    ['Chinese after a link', doc(p(a('https://www.zhihu.com', '知乎'), ' 问题')), ['chinese-text']],
  ])('%s', (_name, target, expected) => expect(checks(target)).toEqual(expected));

  test('names the Chinese text left in', () => {
    expect(check('Zhong Nanshan (钟南山) and Wuhan (武汉) and 协和医院 and 西院').map((found) => [found.severity, found.message])).toEqual([
      ['error', 'The translation still has Chinese text: “钟南山”, “武汉” and “协和医院” and 1 more.'],
    ]);
  });

  test('names each kind of punctuation, where it is, and what to use instead', () => {
    expect(check('Hello，world. Note：this').map((found) => [found.severity, found.message])).toEqual([
      ['warning', 'The translation has Chinese punctuation: “，” in “Hello，world. Note：…” and “：” in “…，world. Note：this”; use “,” and “:” instead.'],
    ]);
  });

  test('reports a whole untranslated sentence once, as Chinese text, not its punctuation again', () => {
    expect(check('He said 他说：“我们没有办法了。”').map((found) => found.message)).toEqual([
      'The translation still has Chinese text: “他说：“我们没有办法了。””.',
    ]);
  });
});
