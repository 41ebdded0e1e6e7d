/** Password hashing with the real scrypt parameters (a handful of hashes, each tens of milliseconds). */
import { describe, expect, test } from 'vitest';
import { scryptSync } from 'node:crypto';
import { DuetError } from '../../shared/protocol/errors';
import {
  checkChosenPassword,
  DECOY_HASH,
  generatePassword,
  hashPassword,
  KEY_BYTES,
  MIN_PASSWORD_LENGTH,
  SALT_BYTES,
  SCRYPT_N,
  SCRYPT_P,
  SCRYPT_R,
  verifyPassword,
} from './passwords';

describe('hashing and verifying', () => {
  test('a hash describes its own parameters, salt and key', async () => {
    const hash = await hashPassword('correct horse battery');
    const [prefix, n, r, p, salt, key, ...rest] = hash.split('$');
    expect(rest).toEqual([]);
    expect([prefix, Number(n), Number(r), Number(p)]).toEqual(['scrypt', SCRYPT_N, SCRYPT_R, SCRYPT_P]);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(SALT_BYTES);
    expect(Buffer.from(key!, 'base64')).toHaveLength(KEY_BYTES);
    expect(hash).not.toContain('correct horse');
  });

  test('the right password verifies and a wrong one does not', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  test('the same password hashes differently each time, thanks to the salt', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  test('an accented password matches whether its accents were typed composed or decomposed', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
  });

  test('a hash made with other (older, cheaper) parameters still verifies, because it carries them', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('old password', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('old password', old)).toBe(true);
    expect(await verifyPassword('new password', old)).toBe(false);
  });

  test('no password matches the decoy hash used for unknown names', async () => {
    expect(await verifyPassword('', DECOY_HASH)).toBe(false);
    expect(await verifyPassword('anything at all', DECOY_HASH)).toBe(false);
  });

  test('a malformed stored hash is reported as such, not treated as a wrong password', async () => {
    await expect(verifyPassword('x', 'plaintext-password')).rejects.toThrow(/not in the scrypt\$N\$r\$p\$salt\$hash format/);
    await expect(verifyPassword('x', 'scrypt$abc$8$1$c2FsdA==$a2V5')).rejects.toThrow(/format/);
  });
});

describe('generated and chosen passwords', () => {
  test('generated passwords are 20 URL-safe characters and differ each time', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  test(`a chosen password needs at least ${MIN_PASSWORD_LENGTH} characters`, () => {
    expect(() => checkChosenPassword('x'.repeat(MIN_PASSWORD_LENGTH))).not.toThrow();
    expect(() => checkChosenPassword('x'.repeat(MIN_PASSWORD_LENGTH - 1))).toThrow(DuetError);
    expect(() => checkChosenPassword('short')).toThrow(/at least 10 characters/);
    expect(() => checkChosenPassword('x'.repeat(5000))).toThrow(/at most/);
  });
});
