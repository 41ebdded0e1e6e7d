import { describe, expect, it } from 'vitest';
import { schema } from '../schema/schema';
import { matchTokens } from './match-text';
import { numberChanges } from './number-substitution';
import { substituteInSide } from './side-numbers';

const strong = schema.marks.strong!.create();
const side = (...inline: ReturnType<typeof schema.text>[]) => schema.node('doc', null, [schema.node('paragraph', null, inline)]);

describe('substituteInSide', () => {
  it('writes the new numbers into the text nodes and keeps their marks', () => {
    const changes = numberChanges(matchTokens('去年营收5亿元，增长12%。'), matchTokens('去年营收3亿元，增长10%。'))!;
    const target = side(schema.text('Revenue was '), schema.text('300 million yuan', [strong]), schema.text(', up 10%.'));
    const result = substituteInSide(target, changes)!;
    expect(result.textContent).toBe('Revenue was 500 million yuan, up 12%.');
    expect(result.firstChild!.child(1).marks).toEqual([strong]);
    expect(result.firstChild!.child(1).text).toBe('500 million yuan');
  });

  it('gives null when the target does not hold the number to replace', () => {
    const changes = numberChanges(matchTokens('他今年25岁。'), matchTokens('他今年24岁。'))!;
    expect(substituteInSide(side(schema.text('He is in his twenties.')), changes)).toBeNull();
  });
});
