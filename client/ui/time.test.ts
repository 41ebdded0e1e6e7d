import { describe, expect, test } from 'vitest';
import { formatLastActivity } from './time';

describe('formatLastActivity', () => {
  const now = new Date('2025-11-27T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  test('says "just now" for the last minute, and for times slightly in the future (clock skew)', () => {
    expect(formatLastActivity(ago(5_000), now)).toBe('just now');
    expect(formatLastActivity(ago(-30_000), now)).toBe('just now');
  });

  test('counts minutes, hours and days while recent', () => {
    expect(formatLastActivity(ago(60_000), now)).toBe('1 minute ago');
    expect(formatLastActivity(ago(59 * 60_000), now)).toBe('59 minutes ago');
    expect(formatLastActivity(ago(3 * 3_600_000 + 5_000), now)).toBe('3 hours ago');
    expect(formatLastActivity(ago(24 * 3_600_000), now)).toBe('yesterday');
    expect(formatLastActivity(ago(6 * 24 * 3_600_000), now)).toBe('6 days ago');
  });

  test('gives a date once it is a week old', () => {
    expect(formatLastActivity('2025-03-04T09:00:00Z', now)).toBe('4 Mar 2025');
  });

  test('does not throw on a malformed timestamp', () => {
    expect(formatLastActivity('not a date', now)).toBe('unknown');
  });
});
