import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readAfter } from '../testing/read-after';
import { isNewType, pathOf, removedExisting, writesWithReplaced, writtenValues, wroteAnything, type AnyType } from './transaction-values';

/** What wroteAnything says of the one transaction `change` runs in. */
const wrote = (doc: Y.Doc, change: () => void): boolean => readAfter(doc, change, wroteAnything);

function concurrentWrites(winnerWrite = 'winner', loserWrite = 'loser') {
  const base = new Y.Doc();
  base.getMap('m').set('k', 'old');
  const peer = (clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    return doc;
  };
  const winner = peer(20);
  const loser = peer(10);
  winner.getMap('m').set('k', winnerWrite);
  loser.getMap('m').set('k', loserWrite);
  return { base: Y.encodeStateAsUpdate(base), winner: Y.encodeStateAsUpdate(winner), loser: Y.encodeStateAsUpdate(loser) };
}

/** What the judge reads of m.k when `server` (holding `known`) applies `update`. */
function judge(server: Y.Doc, known: Uint8Array[], update: Uint8Array) {
  for (const before of known) Y.applyUpdate(server, before);
  const map = server.getMap<unknown>('m');
  return readAfter(
    server,
    () => Y.applyUpdate(server, update),
    (transaction) => ({
      values: writtenValues(transaction, map, 'k'),
      writes: writesWithReplaced(transaction, map, 'k'),
      removed: removedExisting(transaction, map, 'k'),
      shown: map.get('k'),
    }),
  );
}

describe('pathOf', () => {
  test('keys from the root, null for an array entry, the same answer when asked again', () => {
    const doc = new Y.Doc();
    const segment = new Y.Map<unknown>();
    doc.getMap('segments').set('s1', segment);
    const target = new Y.XmlFragment();
    segment.set('target', target);
    const paragraph = new Y.XmlElement('paragraph');
    target.insert(0, [paragraph]);
    const text = new Y.XmlText('hello');
    paragraph.insert(0, [text]);
    const comments = new Y.Array<Y.Map<unknown>>();
    doc.getMap('threads').set('t1', new Y.Map([['comments', comments]]));
    const comment = new Y.Map<unknown>();
    comments.push([comment]);
    expect(pathOf(doc.getMap('segments'))).toEqual(['segments']);
    expect(pathOf(segment)).toEqual(['segments', 's1']);
    expect(pathOf(target)).toEqual(['segments', 's1', 'target']);
    expect(pathOf(text as unknown as AnyType)).toEqual(['segments', 's1', 'target', null, null]);
    expect(pathOf(comment)).toEqual(['threads', 't1', 'comments', null]);
    expect(pathOf(segment)).toBe(pathOf(segment));
  });

  test('types an applied update made, read in the transaction that applies it', () => {
    const peer = new Y.Doc();
    const segment = new Y.Map<unknown>();
    peer.getMap('segments').set('s1', segment);
    segment.set('source', new Y.XmlFragment());
    const doc = new Y.Doc();
    const paths = readAfter(
      doc,
      () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer)),
      () => {
        const applied = doc.getMap<Y.Map<unknown>>('segments').get('s1')!;
        return [pathOf(applied), pathOf(applied.get('source') as AnyType)];
      },
    );
    expect(paths).toEqual([
      ['segments', 's1'],
      ['segments', 's1', 'source'],
    ]);
  });
});

describe('isNewType', () => {
  test('a type made by the transaction is new; one made before, and a root, are not', () => {
    const doc = new Y.Doc();
    const segments = doc.getMap<Y.Map<unknown>>('segments');
    segments.set('old', new Y.Map());
    const read = readAfter(
      doc,
      () => segments.set('new', new Y.Map()),
      (transaction) => [isNewType(transaction, segments.get('new')!), isNewType(transaction, segments.get('old')!), isNewType(transaction, segments)],
    );
    expect(read).toEqual([true, false, false]);
  });

  test("another peer's new type is new to the transaction that applies it", () => {
    const peer = new Y.Doc();
    peer.getMap('segments').set('s1', new Y.Map());
    const doc = new Y.Doc();
    const segments = doc.getMap<Y.Map<unknown>>('segments');
    expect(
      readAfter(
        doc,
        () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer)),
        (transaction) => isNewType(transaction, segments.get('s1')!),
      ),
    ).toBe(true);
  });
});

describe("a key's writes: what the sender wrote and replaced, not what the merged map shows", () => {
  test('the losing write of two concurrent ones: only its own value, and the value its writer saw', () => {
    const updates = concurrentWrites();
    const read = judge(new Y.Doc({ gc: false }), [updates.base, updates.winner], updates.loser);
    expect(read.shown).toBe('winner');
    expect(read.values).toEqual(['loser']);
    expect(read.writes).toEqual([{ value: 'loser', replaced: 'old' }]);
    // What it replaced was already gone (overwritten by the winner): this transaction removed nothing that existed.
    expect(read.removed).toBe(false);
  });

  test('the winning write of two concurrent ones: its own value, the value it saw, and it removed the entry it displaced', () => {
    const updates = concurrentWrites();
    const read = judge(new Y.Doc({ gc: false }), [updates.base, updates.loser], updates.winner);
    expect(read.shown).toBe('winner');
    expect(read.values).toEqual(['winner']);
    expect(read.writes).toEqual([{ value: 'winner', replaced: 'old' }]);
    expect(read.removed).toBe(true);
  });

  test('when the entry its writer saw was overwritten and collected before, the value the transaction displaced stands in', () => {
    const updates = concurrentWrites();
    const read = judge(new Y.Doc(), [updates.base, updates.winner], updates.loser);
    expect(read.writes).toEqual([{ value: 'loser', replaced: 'winner' }]);
  });

  test('several writes in one transaction, oldest first, each with the value before it; a key with no value replaced undefined', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('k', 'a');
    const read = readAfter(
      doc,
      () => {
        map.set('k', 'b');
        map.set('k', 'c');
        map.set('fresh', 'x');
      },
      (transaction) => ({
        k: writesWithReplaced(transaction, map, 'k'),
        values: writtenValues(transaction, map, 'k'),
        fresh: writesWithReplaced(transaction, map, 'fresh'),
        freshRemoved: removedExisting(transaction, map, 'fresh'),
      }),
    );
    expect(read.k).toEqual([
      { value: 'b', replaced: 'a' },
      { value: 'c', replaced: 'b' },
    ]);
    expect(read.values).toEqual(['c', 'b']);
    expect(read.fresh).toEqual([{ value: 'x', replaced: undefined }]);
    expect(read.freshRemoved).toBe(false);
  });

  test('a deletion removes an existing value and writes none; a key the transaction did not touch reads as untouched', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('gone', 'a');
    map.set('kept', 'b');
    const read = readAfter(
      doc,
      () => map.delete('gone'),
      (transaction) => [
        removedExisting(transaction, map, 'gone'),
        writtenValues(transaction, map, 'gone'),
        removedExisting(transaction, map, 'kept'),
        writtenValues(transaction, map, 'kept'),
      ],
    );
    expect(read).toEqual([true, [], false, []]);
  });
});

describe('wroteAnything', () => {
  test('new items and deletions count; a transaction that changed nothing does not', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    expect(wrote(doc, () => text.insert(0, 'hello'))).toBe(true);
    expect(wrote(doc, () => text.delete(0, 1))).toBe(true);
    expect(wrote(doc, () => undefined)).toBe(false);
    // Deleting nothing, and applying an update the document already holds, write nothing either.
    expect(wrote(doc, () => text.delete(0, 0))).toBe(false);
    const known = Y.encodeStateAsUpdate(doc);
    expect(wrote(doc, () => Y.applyUpdate(doc, known))).toBe(false);
  });

  test("another peer's items count as written by the transaction that applies them", () => {
    const peer = new Y.Doc();
    peer.getText('t').insert(0, 'from a peer');
    const doc = new Y.Doc();
    expect(wrote(doc, () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer)))).toBe(true);
  });
});
