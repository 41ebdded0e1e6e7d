import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { wroteAnything } from './transaction-values';

/** What wroteAnything says of the one transaction `change` runs in. */
function wrote(doc: Y.Doc, change: () => void): boolean {
  let answer: boolean | null = null;
  const watch = (transaction: Y.Transaction) => (answer = wroteAnything(transaction));
  doc.on('afterTransaction', watch);
  doc.transact(change);
  doc.off('afterTransaction', watch);
  return answer!;
}

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
