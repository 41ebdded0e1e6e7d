import { describe, expect, test } from 'vitest';
import { findChineseNumbers, parseChineseNumber } from './chinese-numbers';

describe('parseChineseNumber', () => {
  test.each([
    // Arabic digits, half- and full-width, separators and decimals
    ['20', 20],
    ['２０', 20],
    ['１２．５', 12.5],
    ['1,200', 1200],
    ['2400', 2400],
    ['3.5', 3.5],
    // Chinese numerals
    ['零', 0],
    ['两', 2],
    ['兩', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['一百零五', 105],
    ['三百五十', 350],
    ['三百五', 350],
    ['一千零五', 1005],
    ['一千零一十', 1010],
    ['一万二千', 12000],
    ['一万五', 15000],
    ['两万五千', 25000],
    ['十万', 100000],
    ['一百万', 1e6],
    ['一亿五千万', 1.5e8],
    ['一亿五', 1.5e8],
    ['两万亿', 2e12],
    ['贰拾', 20],
    ['廿三', 23],
    ['卅', 30],
    // decimals in words
    ['三点五', 3.5],
    ['九十六点五', 96.5],
    ['三点一四', 3.14],
    ['三点五万', 35000],
    // digits with Chinese units
    ['3.5万', 35000],
    ['１.２亿', 1.2e8],
    ['1.2亿', 1.2e8],
    ['150 万', 1.5e6],
    ['5千', 5000],
    ['3万5千', 35000],
    ['3万5', 35000],
    ['1万亿', 1e12],
    // digit by digit
    ['二〇二〇', 2020],
    ['一九九八', 1998],
  ])('%j is %d', (text, value) => expect(parseChineseNumber(text)).toBeCloseTo(value, 9));

  test.each([[''], ['百'], ['万'], ['二三十'], ['三5'], ['两两'], ['三个'], ['abc']])('%j is not one number', (text) =>
    expect(parseChineseNumber(text)).toBeNull(),
  );
});

/** The numbers found, as "value" or "value%" or "#value" (a rank). */
const numbersIn = (text: string): string[] => findChineseNumbers(text).numbers.map((n) => `${n.ordinal ? '#' : ''}${n.value}${n.percent ? '%' : ''}`);

describe('findChineseNumbers', () => {
  test.each([
    // quantities with measure words
    ['以我院为例，800 张新冠病床', ['800']],
    ['一周做三次 CT', ['3']],
    ['前天插管的五个病人，已经有两位不幸离世了', ['5', '2']],
    ['每两三天做一次肺部 CT', ['2', '3']],
    ['一两天', ['2']],
    ['七八个人', ['7', '8']],
    ['三级防护装备', ['3']],
    ['十多个', ['10']],
    ['十分钟', ['10']],
    ['二十多年前', ['20']],
    ['20 多年前', ['20']],
    ['300 多张图像', ['300']],
    ['10～15 分钟', ['10', '15']],
    ['5000 × 300 = 150 万', ['5000', '300', '1500000']],
    ['感染人数达到 3.5万', ['35000']],
    ['市值１.２亿元', ['120000000']],
    ['有２０个', ['20']],
    ['一共三百五十人', ['350']],
    ['二十', ['20']],
    ['1,200 人', ['1200']],
    ['两万五千人次', ['25000']],
    ['三点五万', ['35000']],
    // percentages
    ['准确率达 96%', ['96%']],
    ['准确率达 96％', ['96%']],
    ['百分之九十六', ['96%']],
    ['百分之96', ['96%']],
    ['百分之九十六点五', ['96.5%']],
    ['百分百', ['100%']],
    ['3个百分点', ['3']],
    // ranks
    ['第一处与数据有关', ['#1']],
    ['第二处是关于', ['#2']],
    ['浙江大学医学院附属第一医院', ['#1']],
    ['第3名', ['#3']],
    // Arabic digits anywhere
    ['1. 诊断上能够满足', ['1']],
    ['COVID-19', ['19']],
  ])('%j has %j', (text, numbers) => expect(numbersIn(text)).toEqual(numbers));

  test.each([
    // numerals that are parts of words, or "a"
    ['一直担心', []],
    ['疫情一线', []],
    ['一个多星期', []],
    ['一句话', []],
    ['十分重要', []],
    ['万里云', []],
    ['千万不要', []],
    ['万一', []],
    ['两岸', []],
    ['统一', []],
    ['一一', []],
    ['三心二意', []],
    ['乱七八糟', []],
    ['三三两两', []],
    ['奋战在第一线', []],
    ['第一时间', []],
    ['四处传播', []],
    ['环顾四周', []],
    ['三天两头', []],
    // weekday and school-year names
    ['周三', []],
    ['星期五', []],
    ['初二', []],
    // approximations and fractions
    ['几十个', []],
    ['十几个', []],
    ['数十人', []],
    ['上百人', []],
    ['二十几岁', []],
    ['三分之一', []],
    ['千分之五', []],
  ])('%j has no number to check', (text, numbers) => expect(numbersIn(text)).toEqual(numbers));

  test.each([
    ['2020年2月23日', { year: 2020, month: 2, day: 23 }],
    ['2020 年 2 月 23 日', { year: 2020, month: 2, day: 23 }],
    ['２０２０年２月２３日', { year: 2020, month: 2, day: 23 }],
    ['二〇二〇年二月二十三日', { year: 2020, month: 2, day: 23 }],
    ['2月23日', { month: 2, day: 23 }],
    ['2月23号', { month: 2, day: 23 }],
    ['二月', { month: 2 }],
    ['2020年3月', { year: 2020, month: 3 }],
    ['十二月', { month: 12 }],
  ])('%j is the date %j', (text, date) => {
    const found = findChineseNumbers(text);
    expect(found.dates.map(({ year, month, day }) => ({ year, month, day }))).toEqual([{ year: undefined, day: undefined, ...date }]);
    expect(found.dates[0]!.text).toBe(text);
    expect(found.numbers).toEqual([]);
  });

  test.each([
    ['2020年', ['2020']],
    ['23日', ['23']],
    ['3个月', ['3']],
    ['两年', ['2']],
    ['13月', ['13']],
  ])('%j is a plain number, not a date: %j', (text, numbers) => {
    expect(findChineseNumbers(text).dates).toEqual([]);
    expect(numbersIn(text)).toEqual(numbers);
  });

  test('reports each number as written and where it starts', () => {
    expect(findChineseNumbers('达到 3.5万，准确率 96％').numbers).toEqual([
      { value: 35000, percent: false, ordinal: false, text: '3.5万', index: 3 },
      { value: 96, percent: true, ordinal: false, text: '96％', index: 12 },
    ]);
  });
});
