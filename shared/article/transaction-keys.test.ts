import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readAfter } from '../testing/read-after';
import { touchedKeyEntry } from './transaction-keys';

const contentOf = (item: Y.Item | null) => (item === null ? null : item.content.getContent());

/** The contents of a key's chain, newest first, from its current entry. */
function chainOf(entry: Y.Item | null): unknown[][] {
  const contents: unknown[][] = [];
  for (let item = entry; item !== null; item = item.left) contents.push(item.content.getContent());
  return contents;
}

describe('touchedKeyEntry', () => {
  test("a key the transaction wrote gives the key's current entry; a key it did not touch gives null even when it holds a value", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('kept', 'before');
    map.set('written', 'first');
    const read = readAfter(
      doc,
      () => {
        map.set('written', 'second');
        map.set('written', 'third');
      },
      // Read in the handler: once the transaction is cleaned up, overwritten content is collected.
      (transaction) => ({ written: chainOf(touchedKeyEntry(transaction, map, 'written')), kept: touchedKeyEntry(transaction, map, 'kept') }),
    );
    // The chain reaches back from the current entry through the writes to the entry that was there before.
    expect(read.written).toEqual([['third'], ['second'], ['first']]);
    expect(read.kept).toBeNull();
  });

  test('a key the transaction only deleted is found through the delete set', () => {
    const doc = new Y.Doc({ gc: false });
    const map = doc.getMap<unknown>('m');
    map.set('k', 'value');
    const entry = readAfter(
      doc,
      () => map.delete('k'),
      (transaction) => touchedKeyEntry(transaction, map, 'k'),
    );
    expect(contentOf(entry)).toEqual(['value']);
    expect(entry!.deleted).toBe(true);
    expect(map.has('k')).toBe(false);
  });

  test("keys are told apart by their map: the same key in another map is not this map's", () => {
    const doc = new Y.Doc();
    const one = doc.getMap<unknown>('one');
    const other = doc.getMap<unknown>('other');
    other.set('k', 'x');
    const read = readAfter(
      doc,
      () => one.set('k', 'y'),
      (transaction) => [touchedKeyEntry(transaction, one, 'k'), touchedKeyEntry(transaction, other, 'k')] as const,
    );
    expect(contentOf(read[0])).toEqual(['y']);
    expect(read[1]).toBeNull();
  });

  test('a write that loses to a concurrent one reaches the winner: the entry is the newest of the chain, not the one this transaction made', () => {
    const winner = new Y.Doc();
    winner.clientID = 2;
    const loser = new Y.Doc();
    loser.clientID = 1;
    winner.getMap('m').set('k', 'winner');
    loser.getMap('m').set('k', 'loser');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(winner));
    const map = server.getMap<unknown>('m');
    const entry = readAfter(
      server,
      () => Y.applyUpdate(server, Y.encodeStateAsUpdate(loser)),
      (transaction) => touchedKeyEntry(transaction, map, 'k'),
    );
    expect(map.get('k')).toBe('winner');
    expect(contentOf(entry)).toEqual(['winner']);
    expect(entry!.left!.id.client).toBe(1);
  });

  test('asking while the transaction still runs is refused rather than answered as if it wrote nothing', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('k', 'before');
    doc.transact((transaction) => {
      map.set('k', 'during');
      expect(() => touchedKeyEntry(transaction, map, 'k')).toThrow(/once it has ended/);
    });
  });
});
