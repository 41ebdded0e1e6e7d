import { describe, expect, test } from 'vitest';
import { diffSources, type DiffPart } from './source-diff';

/** Parts as `=same`, `+added`, `-removed`. */
const shown = (parts: DiffPart[]): string[] => parts.map((part) => `${{ same: '=', added: '+', removed: '-' }[part.kind]}${part.text}`);

const join = (parts: DiffPart[], kinds: DiffPart['kind'][]): string =>
  parts
    .filter((part) => kinds.includes(part.kind))
    .map((part) => part.text)
    .join('');

describe('diffSources', () => {
  test.each([
    // one character changed: the matched source's character is added, the current one's removed
    ['我们在医院工作', '我们在学校工作', ['=我们在', '-医院', '+学校', '=工作']],
    // a number changed is one token
    ['去年营收5亿元', '去年营收3亿元', ['=去年营收', '-5亿', '+3亿', '=元']],
    // the matched source has more
    ['今天开会', '今天上午开会', ['=今天', '+上午', '=开会']],
    // the matched source has less
    ['今天上午开会', '今天开会', ['=今天', '-上午', '=开会']],
    // Latin words and the spaces around them
    ['一周做三次 CT 检查', '一周做三次 MRI 检查', ['=一周做三次 ', '-CT', '+MRI', '= 检查']],
    ['The quick brown fox', 'The brown fox', ['=The', '- quick', '= brown fox']],
    // equal
    ['完全一样。', '完全一样。', ['=完全一样。']],
    // nothing in common
    ['甲乙', '丙丁', ['-甲乙', '+丙丁']],
    ['', '新的', ['+新的']],
    ['旧的', '', ['-旧的']],
    ['', '', []],
  ])('%j against %j is %j', (current, matched, parts) => expect(shown(diffSources(current, matched))).toEqual(parts));

  test('tokens equal after normalization but written differently are shown as both writings', () => {
    expect(shown(diffSources('AI 发展', 'ＡＩ 发展'))).toEqual(['-AI', '+ＡＩ', '= 发展']);
    expect(shown(diffSources('CT  检查', 'ct 检查'))).toEqual(['-CT ', '+ct', '= 检查']);
  });

  test.each([
    ['我们在医院工作', '我们在学校工作'],
    ['去年营收5亿元，同比增长20%。', '去年营收3亿元，同比增长15%。'],
    ['ＡＩ２０２０年发展报告', 'AI 2020 年发展报告（草案）'],
    ['  leading and trailing  ', 'leading, trailing'],
    ['第一行\n第二行', '第一行\n\n第三行'],
    ['𠮷野家的牛肉饭 3 碗', '吉野家的牛肉饭 4 碗'],
    ['㍿の本社', '株式会社の本社'],
    ['ｶﾞｲﾄﾞブック', 'ガイドブック'],
    ['The quick brown fox jumps over the lazy dog.', 'A quick brown dog jumps over the lazy fox!'],
    ['一二三四五六七八九十', '十九八七六五四三二一'],
    ['', '全是新的'],
    ['全是旧的', ''],
  ])('%j and %j: same + added spell the matched source, same + removed the current one', (current, matched) => {
    const parts = diffSources(current, matched);
    expect(join(parts, ['same', 'added'])).toBe(matched);
    expect(join(parts, ['same', 'removed'])).toBe(current);
    expect(parts.every((part) => part.text !== '')).toBe(true);
    // Neighbours of one kind are joined.
    expect(parts.every((part, i) => i === 0 || parts[i - 1]!.kind !== part.kind)).toBe(true);
  });
});
