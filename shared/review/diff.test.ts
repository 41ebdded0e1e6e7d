import { expect, test } from 'vitest';
import { diffText, type DiffPart } from './diff';

const spell = (parts: DiffPart[], skip: DiffPart['kind']) =>
  parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join('');

test('words changed, kept and added', () => {
  expect(diffText('The quick fox jumps.', 'The slow red fox jumps.')).toEqual([
    { kind: 'equal', text: 'The ' },
    { kind: 'delete', text: 'quick ' },
    { kind: 'insert', text: 'slow red ' },
    { kind: 'equal', text: 'fox jumps.' },
  ]);
});

test.each([
  ['', 'New text.'],
  ['Old text.', ''],
  ['Same.', 'Same.'],
  ['- a list\n\n**bold** [link](https://x.y)', '- a list item\n\n*em* [link](https://x.y/z)'],
  ['中文的句子。', '中文句子。'],
])('the parts spell both versions exactly: %j → %j', (before, after) => {
  const parts = diffText(before, after);
  expect(spell(parts, 'insert')).toBe(before);
  expect(spell(parts, 'delete')).toBe(after);
  expect(parts.every((part) => part.text !== '')).toBe(true);
});
