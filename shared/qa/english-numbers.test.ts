import { describe, expect, test } from 'vitest';
import { findEnglishNumbers } from './english-numbers';

/** The numbers found, as "value", "value%" or "#value" (a rank), sorted by where they start. */
const numbersIn = (text: string): string[] =>
  findEnglishNumbers(text)
    .numbers.sort((a, b) => a.index - b.index)
    .map((n) => `${n.ordinal ? '#' : ''}${n.value}${n.percent ? '%' : ''}`);

describe('findEnglishNumbers', () => {
  test.each([
    ['800 COVID-19 beds', ['800', '19']],
    ['it will be 2400 person counts', ['2400']],
    ['2,400 people', ['2400']],
    ['35,000 cases', ['35000']],
    ['3.5 million', ['3.5', '3500000']],
    ['35 thousand', ['35', '35000']],
    ['35k', ['35', '35000']],
    ['5000 * 300 = 1.5M', ['5000', '300', '1.5', '1500000']],
    ['120 million', ['120', '120000000']],
    ['$1.2 bn', ['1.2', '1200000000']],
    ['10-15 minutes', ['10', '15']],
    ['an accuracy of 96%', ['96%']],
    ['96 percent', ['96%']],
    ['96 per cent', ['96%']],
    ['the 23rd', ['#23']],
    ['2nd place', ['#2']],
  ])('digits: %j has %j', (text, numbers) => expect(numbersIn(text)).toEqual(numbers));

  test.each([
    ['two had already passed', ['2']],
    ['every two or three days', ['2', '3']],
    ['Twenty', ['20']],
    ['twenty-three', ['23']],
    ['three hundred and fifty', ['350']],
    ['two thousand four hundred', ['2400']],
    ['thirty-five thousand', ['35000']],
    ['a hundred people', ['100']],
    ['a dozen', ['12']],
    ['ninety-six percent', ['96%']],
    ['The first is related to data', ['#1']],
    ['The Second', ['#2']],
    ['twenty-first', ['#21']],
    ['twice a day', ['2']],
    ['both patients', ['2']],
    ['level III protection', ['3']],
    ['Chapter XIV', ['14']],
    ['I went', []],
    ['someone alone', []],
  ])('words: %j has %j', (text, numbers) => expect(numbersIn(text)).toEqual(numbers));

  test.each([
    ['February 23, 2020', { year: 2020, month: 2, day: 23 }],
    ['23 February 2020', { year: 2020, month: 2, day: 23 }],
    ['the 23rd of February, 2020', { year: 2020, month: 2, day: 23 }],
    ['Feb. 23', { month: 2, day: 23 }],
    ['Feb 23rd', { month: 2, day: 23 }],
    ['2020-02-23', { year: 2020, month: 2, day: 23 }],
    ['2020/2/23', { year: 2020, month: 2, day: 23 }],
    ['in March 2020', { year: 2020, month: 3 }],
    ['2020-03', { year: 2020, month: 3 }],
    ['in December', { month: 12 }],
  ])('dates: %j is %j', (text, date) => {
    const found = findEnglishNumbers(text).dates.map(({ year, month, day }) => ({ year, month, day }));
    expect(found).toContainEqual({ year: undefined, day: undefined, ...date });
  });

  test.each([
    ['on 2/23/2020', [[2, 23]]],
    [
      'on 3/2/2020',
      [
        [3, 2],
        [2, 3],
      ],
    ],
  ])('reads %j both ways where both are dates, since either may be meant', (text, monthDays) =>
    expect(findEnglishNumbers(text).dates.map(({ month, day }) => [month, day])).toEqual(monthDays),
  );

  test.each([['may be'], ['the march of time'], ['3.5 percent']])('%j has no date', (text) => expect(findEnglishNumbers(text).dates).toEqual([]));
});
