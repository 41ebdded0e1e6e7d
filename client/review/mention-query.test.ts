import { describe, expect, test } from 'vitest';
import { completeMention, mentionCandidates, mentionQuery } from './mention-query';

describe('the mention being typed', () => {
  test.each([
    ['@', 1, ''],
    ['Thanks @tra', 11, 'tra'],
    ['@bob.smi', 8, 'bob.smi'],
    ['(@al', 4, 'al'],
    ['Thanks @tra and more', 11, 'tra'],
  ])('%j with the caret at %i is a mention of %j', (text, caret, partial) => {
    expect(mentionQuery(text, caret)).toBe(partial);
  });

  test.each([
    ['mail me at bob@example', 22],
    ['Thanks @tra and more', 20],
    ['no at sign', 10],
    ['@tra ', 5],
  ])('%j with the caret at %i is not', (text, caret) => {
    expect(mentionQuery(text, caret)).toBeNull();
  });

  test('candidates start with what was typed, ignoring case, and leave out a name typed in full', () => {
    const members = ['admin', 'Translator', 'translator2', 'reviewer'];
    expect(mentionCandidates(members, 'tra', 8)).toEqual(['Translator', 'translator2']);
    expect(mentionCandidates(members, 'translator', 8)).toEqual(['translator2']);
    expect(mentionCandidates(members, '', 2)).toEqual(['admin', 'Translator']);
  });

  test('taking a name replaces the partial and puts the caret after a space', () => {
    expect(completeMention('Thanks @tra — ok', 11, 'tra', 'translator')).toEqual({ text: 'Thanks @translator  — ok', caret: 19 });
    expect(completeMention('@', 1, '', 'admin')).toEqual({ text: '@admin ', caret: 7 });
  });
});
