import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { updateBatch } from './update-batch';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One real Yjs update per call, each inserting `text` at the end. */
function typist() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return (text: string) => {
    doc.getText('t').insert(doc.getText('t').length, text);
    return updates.at(-1)!;
  };
}

/** What the delivered updates say, applied to a fresh document. */
const textOf = (delivered: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const update of delivered) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};

describe('updateBatch', () => {
  // Node has no frames: a frame is a 16 ms timer here.
  const frames = globalThis as { requestAnimationFrame?: (callback: () => void) => unknown };
  beforeEach(() => {
    frames.requestAnimationFrame = (callback) => setTimeout(callback, 16);
  });
  afterEach(() => {
    delete frames.requestAnimationFrame;
  });

  test('updates that arrived are gathered for a while and handed on as one', async () => {
    const type = typist();
    const delivered: Uint8Array[] = [];
    const batch = updateBatch((update) => delivered.push(update));
    for (const word of ['a', 'b', 'c']) {
      batch.add(type(word), 'background');
      await sleep(20);
    }
    expect(delivered).toEqual([]); // 60 ms in: still gathering
    await sleep(250);
    expect(delivered).toHaveLength(1);
    expect(textOf(delivered)).toBe('abc');
  });

  test("a keystroke's update goes with its frame and takes what arrived meanwhile along", async () => {
    const type = typist();
    const delivered: Uint8Array[] = [];
    const batch = updateBatch((update) => delivered.push(update));
    batch.add(type('remote '), 'background');
    batch.add(type('typed'), 'after-frame');
    await sleep(60);
    expect(delivered).toHaveLength(1);
    expect(textOf(delivered)).toBe('remote typed');
    await sleep(250); // the gathering's own turn finds nothing left
    expect(delivered).toHaveLength(1);
  });

  test('`now` hands on everything pending at once, and so does flush', () => {
    const type = typist();
    const delivered: Uint8Array[] = [];
    const batch = updateBatch((update) => delivered.push(update));
    batch.add(type('x'), 'background');
    batch.add(type('y'), 'now');
    expect(textOf(delivered)).toBe('xy');
    batch.add(type('z'), 'after-frame');
    batch.flush();
    expect(textOf(delivered)).toBe('xyz');
    expect(delivered).toHaveLength(2);
  });
});
