import { describe, expect, it } from 'vitest';
import { highlightHits } from './hit-parts';

describe('highlightHits', () => {
  it('cuts a text at every occurrence of the phrase, and the parts join to the text', () => {
    const parts = highlightHits('达摩院的研究，达摩院的人', '达摩院');
    expect(parts).toEqual([
      { hit: true, text: '达摩院' },
      { hit: false, text: '的研究，' },
      { hit: true, text: '达摩院' },
      { hit: false, text: '的人' },
    ]);
  });

  it('finds the phrase ignoring case and width, and shows the original text', () => {
    const parts = highlightHits('The ＡＩ lab and the ai team', 'AI');
    expect(parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['ＡＩ', 'ai']);
    expect(parts.map((part) => part.text).join('')).toBe('The ＡＩ lab and the ai team');
  });

  it('keeps surrogate pairs whole', () => {
    expect(highlightHits('𠮷野家𠮷', '𠮷')).toEqual([
      { hit: true, text: '𠮷' },
      { hit: false, text: '野家' },
      { hit: true, text: '𠮷' },
    ]);
  });

  it('gives the whole text as one plain part when the phrase is empty or absent', () => {
    expect(highlightHits('阿里巴巴', '')).toEqual([{ hit: false, text: '阿里巴巴' }]);
    expect(highlightHits('阿里巴巴', '腾讯')).toEqual([{ hit: false, text: '阿里巴巴' }]);
  });
});
