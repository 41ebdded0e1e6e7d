import { describe, expect, test } from 'vitest';
import { countHan, countWords, statusCounts, textProgress, translatedShare } from './progress';
import { doc, p } from '../testing/builders';

describe('progress', () => {
  test.each([
    ['如何看待阿里达摩院？', 9],
    ['CT 影像 AI 诊断，96%', 4],
    ['No Chinese here.', 0],
  ])('counts the Chinese characters of %j as %i', (text, n) => expect(countHan(text)).toBe(n));

  test.each([
    ["OP (original poster) isn't a doctor.", 6],
    ['COVID-19 CT scans: 5000 times 300', 6],
    ['', 0],
  ])('counts the English words of %j as %i', (text, n) => expect(countWords(text)).toBe(n));

  test('Chinese characters count as translated once their segment is translated, reviewed, approved or omitted', () => {
    const segment = (source: string, target: string, status: 'untranslated' | 'draft' | 'translated' | 'approved', omitted = false) => ({
      source: doc(p(source)),
      target: doc(p(target)),
      status,
      omitted,
    });
    const segments = [
      segment('第一段', 'First part', 'translated'),
      segment('第二段', 'Draft', 'draft'),
      segment('第三段', '', 'untranslated', true),
      segment('四', 'Four', 'approved'),
    ];
    expect(textProgress(segments)).toEqual({ sourceChars: 10, sourceCharsTranslated: 7, targetWords: 4 });
    expect(statusCounts(segments)).toEqual({ untranslated: 1, draft: 1, translated: 1, reviewed: 0, approved: 1 });
    expect(translatedShare(statusCounts(segments))).toBe(0.5);
  });
});
