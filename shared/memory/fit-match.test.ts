import { describe, expect, it } from 'vitest';
import { doc, h, li, p, strong } from '../testing/builders';
import { fitMatchToSegment } from './fit-match';

describe('fitMatchToSegment', () => {
  it('gives the match the block types of the segment it goes into, keeping its inline content', () => {
    const fitted = fitMatchToSegment(doc(p('The ', strong('lab'))), doc(h(2, '实验室')));
    expect(fitted.eq(doc(h(2, 'The ', strong('lab'))))).toBe(true);
    expect(fitMatchToSegment(doc(p('One')), doc(li({ ordered: true, number: 3 }, '一'))).firstChild!.type.name).toBe('list_item');
  });

  it('leaves a match of another block count as it is', () => {
    const match = doc(p('One'), p('Two'));
    expect(fitMatchToSegment(match, doc(p('一二')))).toBe(match);
  });
});
