/**
 * The sign-in throttle's memory, which the server tests cannot reach without
 * thousands of password hashes: whatever is sent, each count keeps a bounded
 * number of keys, and the attack in progress is what stays.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_SIGN_IN_LIMITS, SignInThrottle } from './sign-in-throttle';

const limits = { ...DEFAULT_SIGN_IN_LIMITS, maxEntries: 100 };

describe('memory', () => {
  test('a flood of names and addresses keeps at most maxEntries keys per count, and the latest attacker stays counted', () => {
    let now = 0;
    const throttle = new SignInThrottle(limits, () => now);
    for (let i = 0; i < 5_000; i++) {
      now += 10;
      throttle.attempt(`name${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    }
    const sizes = throttle.sizes();
    for (const size of Object.values(sizes)) expect(size).toBeLessThanOrEqual(limits.maxEntries);

    for (let i = 0; i <= limits.accountFromAddress.free; i++) expect(throttle.attempt('ada', '192.0.2.1').allowed).toBe(true);
    expect(throttle.attempt('ada', '192.0.2.1')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  test('attempts at names that name no account make no per-account keys, however many', () => {
    const throttle = new SignInThrottle(limits, () => 0);
    for (let i = 0; i < 50; i++) throttle.attempt(null, `192.0.2.${i}`);
    expect(throttle.sizes().account).toBe(0);
  });

  test("a flood of invented names from many addresses cannot push a real account's count out", () => {
    const now = 0;
    const throttle = new SignInThrottle(limits, () => now);
    const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    for (let i = 0; i <= limits.account.free; i++) throttle.attempt('ada-id', address(i));
    expect(throttle.attempt('ada-id', address(100_000)).allowed).toBe(false);
    for (let i = 0; i < 5_000; i++) throttle.attempt(null, address(200_000 + i));
    expect(throttle.attempt('ada-id', address(300_000)).allowed).toBe(false);
  });

  test('counts quiet for longer than forgetAfterMs are dropped as new ones come in', () => {
    let now = 0;
    const throttle = new SignInThrottle(limits, () => now);
    for (let i = 0; i < 50; i++) throttle.attempt(`name${i}`, `192.0.2.${i}`);
    now += limits.forgetAfterMs;
    throttle.attempt('ada', '198.51.100.1');
    expect(throttle.sizes()).toEqual({ accountFromAddress: 1, address: 1, account: 1 });
  });
});
