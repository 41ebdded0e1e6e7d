/**
 * Test helper: what `read` says of the one transaction `change` runs in, read
 * where the server reads it (in `afterTransaction`, before Yjs collects what
 * the transaction overwrote).
 */
import type * as Y from 'yjs';

export function readAfter<T>(doc: Y.Doc, change: () => void, read: (transaction: Y.Transaction) => T): T {
  let answer: { value: T } | null = null;
  const watch = (transaction: Y.Transaction) => (answer = { value: read(transaction) });
  doc.on('afterTransaction', watch);
  doc.transact(change);
  doc.off('afterTransaction', watch);
  if (answer === null) throw new Error('readAfter: the change ran no transaction');
  return (answer as { value: T }).value;
}
