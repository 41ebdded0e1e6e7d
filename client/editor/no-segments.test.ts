import { describe, expect, test } from 'vitest';
import { noSegmentsMessage } from './no-segments';

describe('what an editor page without rows says', () => {
  test('while the article is opening it says so, not that there is nothing', () => {
    expect(noSegmentsMessage({ loaded: false, received: false, connection: 'connecting' })).toBe('Opening the article…');
    // The device had no copy; the server has not answered yet.
    expect(noSegmentsMessage({ loaded: true, received: false, connection: 'connecting' })).toBe('Opening the article…');
  });

  test('once the server has answered, an empty article is empty', () => {
    expect(noSegmentsMessage({ loaded: true, received: true, connection: 'connected' })).toBe('This article has no segments yet.');
    // Still true after the connection drops.
    expect(noSegmentsMessage({ loaded: true, received: true, connection: 'offline' })).toBe('This article has no segments yet.');
  });

  test('out of reach with no copy on this device, it says where the article is', () => {
    for (const connection of ['offline', 'reconnecting'] as const) {
      expect(noSegmentsMessage({ loaded: true, received: false, connection })).toMatch(/not on this device yet/);
    }
  });
});
