import { describe, expect, test } from 'vitest';
import { checkSetupForm } from './setup-rules';

describe('checkSetupForm', () => {
  test('accepts a valid name and a long enough, repeated password', () => {
    expect(checkSetupForm({ name: ' ada ', password: 'a long passphrase', repeat: 'a long passphrase' })).toEqual({});
  });

  test('asks for a name, and refuses names the server would refuse', () => {
    expect(checkSetupForm({ name: '  ', password: '0123456789', repeat: '0123456789' }).name).toMatch(/Enter a name/);
    expect(checkSetupForm({ name: 'Ada Lovelace', password: '0123456789', repeat: '0123456789' }).name).toMatch(/without spaces/);
  });

  test('needs 10 characters, as the server does', () => {
    expect(checkSetupForm({ name: 'ada', password: '123456789', repeat: '123456789' }).password).toMatch(/at least 10/);
    expect(checkSetupForm({ name: 'ada', password: '0123456789', repeat: '0123456789' }).password).toBeUndefined();
  });

  test('catches a mistyped repeat', () => {
    expect(checkSetupForm({ name: 'ada', password: '0123456789', repeat: '0123456780' }).repeat).toMatch(/not the same/);
  });
});
