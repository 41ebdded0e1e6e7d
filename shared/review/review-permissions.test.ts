import { expect, test } from 'vitest';
import { ROLES } from '../protocol/roles';
import { mayAssign, mayComment, mayDeleteComment, mayEditComment, mayRemoveThread, maySetSuggestionState } from './review-permissions';

test('what each role may do with threads', () => {
  expect(ROLES.filter(mayComment)).toEqual(['admin', 'translator', 'reviewer']);
  expect(ROLES.filter(maySetSuggestionState)).toEqual(['admin', 'translator']);
  expect(ROLES.filter(mayRemoveThread)).toEqual(['admin']);
  expect(ROLES.filter(mayAssign)).toEqual(['admin']);
});

test('comments are edited by their authors and deleted by them or an admin', () => {
  const comment = { author: 'rob' };
  expect(mayEditComment({ name: 'rob', role: 'reviewer' }, comment)).toBe(true);
  expect(mayEditComment({ name: 'rob', role: 'reviewer' }, { ...comment, deleted: true })).toBe(false);
  expect(mayEditComment({ name: 'ada', role: 'admin' }, comment)).toBe(false);
  expect(mayDeleteComment({ name: 'ada', role: 'admin' }, comment)).toBe(true);
  expect(mayDeleteComment({ name: 'tina', role: 'translator' }, comment)).toBe(false);
  expect(mayDeleteComment({ name: 'rob', role: 'viewer' }, comment)).toBe(false);
});
