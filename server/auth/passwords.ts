/**
 * Password hashing with scrypt, which is memory-hard so guessing on GPUs stays
 * expensive. A hash is stored as `scrypt$N$r$p$saltBase64$hashBase64`: it
 * carries its own parameters, so raising them later only affects new hashes
 * and old ones still verify. Hashing is async because one hash takes tens of
 * milliseconds of CPU, which must not stall the server's event loop.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DuetError } from '../../shared/protocol/errors';

/** CPU/memory cost: 2^15 is OWASP's minimum for scrypt with r=8, p=1 (32 MiB per hash). */
export const SCRYPT_N = 2 ** 15;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

/** For passwords people choose; generated ones are longer and random. */
export const MIN_PASSWORD_LENGTH = 10;
/** Hashing cost grows with length; no one types more than this. */
export const MAX_PASSWORD_LENGTH = 1024;

const PREFIX = 'scrypt';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Node refuses any scrypt needing more than `maxmem` (32 MiB by default, just short of what N=2^15, r=8 needs), so leave headroom. */
function maxmemFor({ N, r, p }: ScryptParams): number {
  return 2 * 128 * N * r * p;
}

function derive(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) };
  return new Promise((resolve, reject) => {
    // NFC, so an accented password typed where the keyboard composes characters
    // matches the same password typed where it does not.
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function format(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return [PREFIX, params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const CURRENT: ScryptParams = { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return format(CURRENT, salt, await derive(password, salt, KEY_BYTES, CURRENT));
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } {
  const parts = stored.split('$');
  const [prefix, N, r, p, salt, key] = parts;
  const numbers = [N, r, p].map(Number);
  if (parts.length !== 6 || prefix !== PREFIX || !numbers.every((n) => Number.isSafeInteger(n) && n > 0) || !salt || !key) {
    // Only Duet writes these, so a malformed one is corruption, not a wrong password.
    throw new Error('the stored password hash is not in the scrypt$N$r$p$salt$hash format');
  }
  return { params: { N: numbers[0]!, r: numbers[1]!, p: numbers[2]! }, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** Does `password` match `stored` (a string from hashPassword)? Takes the same time whether it does or not. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { params, salt, key } = parse(stored);
  const candidate = await derive(password, salt, key.length, params);
  return timingSafeEqual(candidate, key);
}

/**
 * A well-formed hash that no password matches (its key is all zeros): checking
 * a login for an unknown name against it costs one full scrypt, so response
 * time does not reveal which names exist.
 */
export const DECOY_HASH = format(CURRENT, Buffer.alloc(SALT_BYTES), Buffer.alloc(KEY_BYTES));

/** 15 random bytes: 120 bits, 20 base64url characters, safe to paste anywhere. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Throws a `bad_request` DuetError when a chosen password is too short or absurdly long. */
export function checkChosenPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DuetError('bad_request', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new DuetError('bad_request', `a password may have at most ${MAX_PASSWORD_LENGTH} characters`);
  }
}
