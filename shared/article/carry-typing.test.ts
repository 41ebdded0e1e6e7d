import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { carryTyping, diffStep } from './carry-typing';
import { doc, p, strong } from '../testing/builders';

/** The current content with the typing carried over. */
function carried(before: PMNode, typed: PMNode, current: PMNode): PMNode {
  const carry = carryTyping(before, typed, current);
  if (!carry) return current;
  const result = carry.step.apply(current);
  expect(result.failed).toBeNull();
  return result.doc!;
}

describe('diffStep', () => {
  test('equal content has no step', () => {
    expect(diffStep(doc(p('Hello')), doc(p('Hello')))).toBeNull();
  });

  test.each([
    ['typing inside a paragraph', doc(p('Hello')), doc(p('Hello, world'))],
    ['a repeated letter', doc(p('aa')), doc(p('aaa'))],
    ['deleting', doc(p('Hello world')), doc(p('Hello'))],
    ['splitting a paragraph', doc(p('Hello world')), doc(p('Hello'), p('world'))],
    ['joining paragraphs', doc(p('Hello'), p('world')), doc(p('Helloworld'))],
    ['bold', doc(p('Hello world')), doc(p('Hello ', strong('world')))],
    ['into an empty side', doc(), doc(p('Hi'))],
  ])('%s: applying the step gives the new content', (_name, before, after) => {
    const step = diffStep(before, after)!;
    expect(step.apply(before).doc!.eq(after)).toBe(true);
  });
});

describe('carryTyping', () => {
  test('nothing typed carries nothing', () => {
    expect(carryTyping(doc(p('A')), doc(p('A')), doc(p('A, changed')))).toBeNull();
  });

  test('when nobody else changed the side, the result is what was typed, caret and all', () => {
    const before = doc(p('The '));
    const typed = doc(p('The cat sat'));
    const carry = carryTyping(before, typed, before)!;
    expect(carry.step.apply(before).doc!.eq(typed)).toBe(true);
    expect(carry.map(12)).toBe(12);
  });

  test("a colleague's change elsewhere in the side survives beside mine", () => {
    const before = doc(p('first'), p('second'));
    const typed = doc(p('first'), p('second, mine'));
    const current = doc(p('the first, theirs'), p('second'));
    expect(carried(before, typed, current).eq(doc(p('the first, theirs'), p('second, mine')))).toBe(true);
  });

  test('their text before mine in the same paragraph moves the caret along', () => {
    const before = doc(p('Hello'));
    const typed = doc(p('Hello there'));
    const current = doc(p('Oh, Hello'));
    const carry = carryTyping(before, typed, current)!;
    const result = carry.step.apply(current).doc!;
    expect(result.textContent).toBe('Oh, Hello there');
    // The caret after "there" (position 12 in the typed side) is still after it.
    expect(result.textBetween(0, carry.map(12))).toBe('Oh, Hello there');
    // A caret before what was typed moves by what they inserted.
    expect(result.textBetween(0, carry.map(3))).toBe('Oh, He');
  });

  test('typing where they deleted everything around it is still kept', () => {
    const before = doc(p('abc'));
    const typed = doc(p('abXc'));
    const current = doc(p('new text'));
    const result = carried(before, typed, current);
    expect(result.textContent).toContain('X');
    expect(result.textContent).toContain('new text');
  });

  test('deleting what they deleted too carries nothing more', () => {
    const before = doc(p('keep this'));
    const typed = doc(p('keep'));
    const current = doc(p('keep'));
    expect(carried(before, typed, current).eq(doc(p('keep')))).toBe(true);
  });
});
