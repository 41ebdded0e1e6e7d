import { describe, expect, test } from 'vitest';
import { a, doc, em, fig, hr, p } from '../testing/builders';
import { checkNumbers } from './check-numbers';
import { segment } from './testing';

const missing = (source: string, target: string) => checkNumbers(segment({ source, target })).map((found) => found.message);

describe('checkNumbers', () => {
  test.each([
    // digits, separators, full width
    ['800 张病床', '800 beds'],
    ['2400 人次', '2,400 person counts'],
    ['1,200 人', '1200 people'],
    ['有２０个', '20 of them'],
    ['１２．５ 米', '12.5 meters'],
    // 万 and 亿
    ['3.5万人', '35,000 people'],
    ['3.5万人', '35 thousand people'],
    ['3.5万人', '35k people'],
    ['3.5 万人', '35000 people'],
    ['1.2亿', '120 million'],
    ['1.2亿', '120,000,000'],
    ['1.2亿', '0.12 billion'],
    ['150 万', '1.5M'],
    ['150 万', '1.5 million'],
    ['两万五千人次', 'twenty-five thousand'],
    // numerals, in digits or words
    ['两位', 'two of them'],
    ['两位', '2 of them'],
    ['两位患者', 'both patients'],
    ['二十个', 'twenty'],
    ['三百五十人', '350 people'],
    ['三百五十人', 'three hundred and fifty people'],
    ['五个病人', 'five patients'],
    ['每两三天', 'every two or three days'],
    ['一周做三次', 'three times a week'],
    ['一周做两次', 'twice a week'],
    ['三级防护装备', 'level III protection'],
    ['第一处', 'The first'],
    ['第二处', 'The second'],
    ['附属第一医院', 'First Affiliated Hospital'],
    // percentages
    ['96%', '96%'],
    ['96％', '96%'],
    ['百分之九十六', '96%'],
    ['百分之九十六', '96 percent'],
    ['百分之九十六', 'ninety-six per cent'],
    ['96%', '96 percent'],
    // years and dates
    ['2020年', 'in 2020'],
    ['2020年2月23日', 'February 23, 2020'],
    ['2020年2月23日', '23 February 2020'],
    ['2020年2月23日', 'Feb. 23'],
    ['2020年2月23日', '2020-02-23'],
    ['二〇二〇年二月二十三日', 'on February 23rd, 2020'],
    ['2月23日', 'on Feb 23'],
    ['2020年3月', 'in March 2020'],
    ['三月', 'in March'],
    ['20 多年前', 'more than 20 years ago'],
    // numbers the source does not really have
    ['一个多星期', 'more than a week'],
    ['一直担心', 'have always worried'],
    ['疫情一线', 'the frontline'],
    ['十分重要', 'very important'],
    ['万里云', 'Wanliyun'],
    ['几十个', 'dozens'],
    ['三分之一', 'a third'],
    // the linked source title keeps its Chinese, numbers included
    ['平均识别不到 20 秒准确率达 96%？', '平均识别不到 20 秒准确率达 96%？'],
  ])('%j is in %j', (source, target) => expect(missing(source, target)).toEqual([]));

  test.each([
    ['800 张病床', '80 beds', "The source's “800” is not in the translation."],
    ['3.5万人', '3.5 people', "The source's “3.5万” (35,000) is not in the translation."],
    ['1.2亿', '1.2 billion', "The source's “1.2亿” (120,000,000) is not in the translation."],
    ['两位', 'three of them', "The source's “两” (2) is not in the translation."],
    ['二十个', 'twelve', "The source's “二十” (20) is not in the translation."],
    ['有２０个', 'ten', "The source's “２０” (20) is not in the translation."],
    ['百分之九十六', '69%', "The source's “百分之九十六” (96%) is not in the translation."],
    ['准确率 96%', 'an accuracy of 96', "The source's “96%” is not in the translation."],
    ['第二处', 'The third', "The source's “第二” (2nd) is not in the translation."],
    ['2020年2月23日', 'February 24, 2020', "The source's “2020年2月23日” (February 23, 2020) is not in the translation."],
    ['2020年2月23日', 'Feb. 23, 2021', "The source's “2020年2月23日” (February 23, 2020) is not in the translation."],
    ['2020年2月23日', 'on the 23rd', "The source's “2020年2月23日” (February 23, 2020) is not in the translation."],
    ['2020年3月', 'in March', "The source's “2020年3月” (March 2020) is not in the translation."],
    ['三月', 'in May', "The source's “三月” (March) is not in the translation."],
    ['2020年', 'last year', "The source's “2020” is not in the translation."],
    ['800 张病床，一周做三次，就是 2400 人次', '800 beds, a scan a week', "The source's “三” (3) and “2400” are not in the translation."],
  ])('%j is not in %j', (source, target, message) => expect(missing(source, target)).toEqual([message]));

  test('names each missing number once', () => {
    expect(missing('96% 和 96%', 'none')).toEqual(["The source's “96%” is not in the translation."]);
  });

  test('is a warning on the segment', () => {
    expect(checkNumbers(segment({ source: '800 张', target: 'many' }, 'seg-3'))).toEqual([
      { check: 'missing-number', severity: 'warning', segmentId: 'seg-3', message: "The source's “800” is not in the translation." },
    ]);
  });

  test('reads figure captions and link text on both sides', () => {
    expect(missing('x', 'y')).toEqual([]);
    const source = doc(fig('https://pic1.zhimg.com/a.jpg', '', '我院至少已经获赠两台'));
    expect(checkNumbers(segment({ source, target: doc(fig('/assets/a.jpg', 'CT', 'at least two donated')) }))).toEqual([]);
    expect(checkNumbers(segment({ source, target: doc(fig('/assets/a.jpg', 'CT', 'donated')) }))).toHaveLength(1);
    expect(checkNumbers(segment({ source: doc(p(a('https://x.cn', '第 3 名'))), target: doc(p(em(a('https://x.cn', 'third')))) }))).toEqual([]);
  });

  test.each([
    ['an omitted block', segment({ source: '800 张', target: '', omitted: true })],
    ['an omitted block with a note', segment({ source: '800 张', target: 'Left out.', omitted: true })],
    ['an untranslated block', segment({ source: '800 张', target: '' })],
    ["the translator's own segment", segment({ source: '', target: 'Translated in 2020.' })],
    ['a rule', segment({ source: doc(hr()), target: doc(hr()) })],
  ])('has nothing to say about %s', (_name, row) => expect(checkNumbers(row)).toEqual([]));
});
