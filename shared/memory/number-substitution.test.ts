import { describe, expect, test } from 'vitest';
import { matchTokens } from './match-text';
import { numberChanges, substituteInTexts, substituteNumbers, type NumberChange } from './number-substitution';

const changesBetween = (current: string, matched: string): NumberChange[] | null => numberChanges(matchTokens(current), matchTokens(matched));

/** The changes that turn `matched` into `current`, applied to `target`. */
function substituted(current: string, matched: string, target: string): string | null {
  const changes = changesBetween(current, matched);
  if (changes == null) return null;
  return substituteNumbers(target, changes)?.text ?? null;
}

const change = (from: number, to: number): NumberChange => ({ from, to, fromText: String(from), toText: String(to) });

describe('numberChanges', () => {
  test.each([
    ['去年营收5亿元', '去年营收3亿元', [{ from: 3e8, to: 5e8, fromText: '3亿', toText: '5亿' }]],
    ['2020年', '2019年', [{ from: 2019, to: 2020, fromText: '2019', toText: '2020' }]],
    ['共有15人', '共有12人', [{ from: 12, to: 15, fromText: '12', toText: '15' }]],
    ['感染人数达到 3.5万', '感染人数达到 1.2万', [{ from: 12000, to: 35000, fromText: '1.2万', toText: '3.5万' }]],
    ['一共三百五十人', '一共二百人', [{ from: 200, to: 350, fromText: '二百', toText: '三百五十' }]],
    ['二〇二〇年', '二〇一九年', [{ from: 2019, to: 2020, fromText: '二〇一九', toText: '二〇二〇' }]],
    // full-width digits read as half-width
    ['有２０个', '有10个', [{ from: 10, to: 20, fromText: '10', toText: '20' }]],
    [
      '2021年营收5亿元',
      '2020年营收3亿元',
      [
        { from: 2020, to: 2021, fromText: '2020', toText: '2021' },
        { from: 3e8, to: 5e8, fromText: '3亿', toText: '5亿' },
      ],
    ],
  ])('%j from %j: %j', (current, matched, changes) => expect(changesBetween(current, matched)).toEqual(changes));

  test.each([
    // also a word differs
    ['今年营收5亿元', '去年营收3亿元'],
    // a token more
    ['去年营收5亿元。', '去年营收3亿元'],
    // nothing differs
    ['去年营收3亿元', '去年营收3亿元'],
    // written otherwise, same value
    ['共1,200人', '共1200人'],
    // a number against a word
    ['共有5人', '共有些人'],
  ])('%j from %j: none', (current, matched) => expect(changesBetween(current, matched)).toBeNull());
});

describe('substituteNumbers', () => {
  test.each([
    ['去年营收5亿元', '去年营收3亿元', 'Revenue last year was 300 million yuan', 'Revenue last year was 500 million yuan'],
    ['2020年', '2019年', 'in 2019', 'in 2020'],
    ['共有15人', '共有12人', 'There were 12 people', 'There were 15 people'],
    // thousands separators as the target wrote them
    ['共有4.5万人', '共有3.5万人', 'There were 35,000 people', 'There were 45,000 people'],
    ['共有4.5万人', '共有3.5万人', 'There were 35000 people', 'There were 45000 people'],
    // with no separator to go by, a large number gets them
    ['共有1500人', '共有12人', '12 people', '1,500 people'],
    // scale words kept when the new number is a round number of them
    ['共有4.5万人', '共有3.5万人', 'There were 35 thousand people', 'There were 45 thousand people'],
    ['市值15亿元', '市值12亿元', 'a market value of 1.2 billion yuan', 'a market value of 1.5 billion yuan'],
    ['市值15亿元', '市值12亿元', 'worth 1.2bn yuan', 'worth 1.5bn yuan'],
    ['营收5000万元', '营收3亿元', '300 million yuan', '50 million yuan'],
    // else digits with separators
    ['营收50万元', '营收3亿元', '300 million yuan', '500,000 yuan'],
    // percentages keep their sign or word
    ['增长了15%', '增长了20%', 'grew 20%', 'grew 15%'],
    ['增长了15%', '增长了20%', 'grew by 20 percent', 'grew by 15 percent'],
    // spelled-out numbers stay spelled out up to 99
    ['有五个病人', '有三个病人', 'three patients', 'five patients'],
    ['有二十三个病人', '有五个病人', 'Five patients', 'Twenty-three patients'],
    ['有三百个病人', '有五个病人', 'five patients', '300 patients'],
    ['营收5亿元', '营收3亿元', 'three hundred million yuan', '500 million yuan'],
    ['营收5亿元', '营收7000万元', 'seventy million yuan', '500 million yuan'],
    ['营收8000万元', '营收7000万元', 'seventy million yuan', 'eighty million yuan'],
    // ranks keep their suffix, spelled or not
    ['第三名', '第二名', 'came 2nd', 'came 3rd'],
    ['第十一名', '第二名', 'came 2nd', 'came 11th'],
    ['第三名', '第二名', 'came second', 'came third'],
    ['第二十名', '第二名', 'came second', 'came twentieth'],
    // several numbers, swapped
    ['3个和5个', '5个和3个', '5 and 3', '3 and 5'],
    ['2021年营收5亿元', '2020年营收3亿元', 'In 2020, revenue was 300 million yuan', 'In 2021, revenue was 500 million yuan'],
  ])('%j from %j: %j becomes %j', (current, matched, target, expected) => expect(substituted(current, matched, target)).toBe(expected));

  test('says how many numbers it replaced', () => {
    expect(substituteNumbers('In 2020, revenue was 300 million yuan', [change(2020, 2021), change(3e8, 5e8)])).toEqual({
      text: 'In 2021, revenue was 500 million yuan',
      replaced: 2,
    });
  });

  test('no changes leave the text as it is', () => expect(substituteNumbers('in 2019', [])).toEqual({ text: 'in 2019', replaced: 0 }));

  test.each([
    // the number is not in the target
    ['in 2018', [change(2019, 2020)]],
    // it is there twice
    ['from 12 to 12', [change(12, 15)]],
    // only as part of a larger number
    ['300 million', [change(300, 500)]],
    // written as a word that takes no number
    ['twice a day', [change(2, 3)]],
    ['level III', [change(3, 4)]],
    // two changes for one place
    ['12 people', [change(12, 15), change(12, 16)]],
    // one of two numbers missing
    ['in 2019', [change(2019, 2020), change(5, 6)]],
  ])('%j with %j: no substitution', (target, changes) => expect(substituteNumbers(target, changes)).toBeNull());

  test('a source that also differs in a word gives no substitution', () => {
    expect(substituted('今年营收5亿元', '去年营收3亿元', 'Revenue last year was 300 million yuan')).toBeNull();
  });
});

describe('substituteInTexts', () => {
  test('replaces across text nodes, each number in its node', () => {
    expect(substituteInTexts(['In ', '2020', ', revenue was ', '300 million', ' yuan'], [change(2020, 2021), change(3e8, 5e8)])).toEqual({
      texts: ['In ', '2021', ', revenue was ', '500 million', ' yuan'],
      replaced: 2,
    });
  });

  test('a number found once in each of two nodes is found twice', () => {
    expect(substituteInTexts(['12 people', 'and 12 more'], [change(12, 15)])).toBeNull();
  });

  test('nodes without numbers come back as they were', () => {
    expect(substituteInTexts(['Revenue: ', '3 million', ''], [change(3e6, 4e6)])).toEqual({ texts: ['Revenue: ', '4 million', ''], replaced: 1 });
  });
});
