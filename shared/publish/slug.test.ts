import { describe, expect, test } from 'vitest';
import { checkedSlug, shortSlug, slugFromTitle } from './slug';

describe('slugFromTitle', () => {
  test.each([
    ['How to View Ali Damo AI', 'how-to-view-ali-damo-ai'],
    ["Ali Damo Academy's COVID-19 AI", 'ali-damo-academys-covid-19-ai'],
    ['Café — “quoted” words!', 'cafe-quoted-words'],
    ['  spaces   and---dashes  ', 'spaces-and-dashes'],
    ['如何看待阿里达摩院', ''],
    ['阿里 AI 诊断', 'ai'],
    [
      "How to View Ali Damo Academy's COVID-19 CT Scan AI Diagnosis Technology, Which Could Recognize It in 20 Seconds with An Accuracy of 96%?",
      'how-to-view-ali-damo-academys-covid-19-ct-scan-ai-diagnosis',
    ],
    ['a'.repeat(80), 'a'.repeat(60)],
  ])('%j → %j', (title, slug) => expect(slugFromTitle(title)).toBe(slug));

  test('a derived slug is always a valid slug', () => {
    for (const title of ['How to View', "It's 96%?", 'Ünïcödé títlé', 'x'.repeat(300)]) expect(checkedSlug(slugFromTitle(title))).toBe(slugFromTitle(title));
  });
});

describe('shortSlug', () => {
  test.each([
    ['how-to-view-ali-damo-ai', 'how-to-view-ali-damo-ai'],
    ['Alibaba-DAMO-Academy-Medical-AI-Diagnoses-COVID-19', 'alibaba-damo-academy-medical'],
    ['how-to-view-ali-damo-academys-covid-19-ct-scan-ai-diagnosis', 'how-to-view-ali-damo-academys'],
    ['x'.repeat(40), 'x'.repeat(30)],
  ])('%j → %j', (slug, short) => expect(shortSlug(slug)).toBe(short));
});

describe('checkedSlug', () => {
  test('returns a good slug and throws a sentence for a bad one', () => {
    expect(checkedSlug('ok-slug')).toBe('ok-slug');
    expect(() => checkedSlug('../x')).toThrow(/contains "\.\."/);
  });
});
