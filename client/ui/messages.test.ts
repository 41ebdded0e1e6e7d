import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/http';
import { describeError, sentence } from './messages';

describe('sentence', () => {
  test('capitalises and ends a server message with a full stop', () => {
    expect(sentence('wrong name or password')).toBe('Wrong name or password.');
  });

  test('leaves finished sentences alone', () => {
    expect(sentence('Could not reach the Duet server. Try again.')).toBe('Could not reach the Duet server. Try again.');
    expect(sentence('')).toBe('');
  });
});

describe('describeError', () => {
  test('shows the API message as a sentence', () => {
    expect(describeError(new ApiError('bad_request', 'a password needs at least 10 characters', 400))).toBe('A password needs at least 10 characters.');
  });

  test('explains a server crash instead of echoing it', () => {
    expect(describeError(new ApiError('internal', 'something went wrong on the server; it has been logged', 500))).toMatch(
      /^Something went wrong on the server\. Try again/,
    );
  });
});
