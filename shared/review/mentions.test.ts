import { expect, test } from 'vitest';
import { mentionsIn } from './mentions';

const members = ['alice', 'alice-b', 'Bob', 'li.wei'];

test.each([
  ['@alice please look', ['alice']],
  ['Thanks @alice.', ['alice']],
  ['@alice-b and @ALICE, @bob!', ['alice-b', 'alice', 'Bob']],
  ['@li.wei: see above', ['li.wei']],
  ['(@Bob) @bob again', ['Bob']],
  ['mail alice@example.com', []],
  ['@alicex is nobody', []],
  ['@ nobody @', []],
  ['@carol is not a member', []],
])('%s', (text, expected) => {
  expect(mentionsIn(text, members)).toEqual(expected);
});
