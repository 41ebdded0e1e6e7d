/**
 * Admission: may an update a client sent join the article? In order, and
 * each step only once per update (this is the hot path of typing):
 *
 *   1. the sender's role may write at all, and the document stays in size;
 *   2. decoded and classified once, by applying it (update-observer.ts);
 *      unreadable, or depending on changes the server never received, it
 *      closes the connection; writing nothing new, it is only acknowledged;
 *   3. each touched side read once, against the schema (content-check.ts);
 *      the readings of the targets are kept for history;
 *   4. the changes judged against the sender's role (permissions.ts), the
 *      source's fingerprint read at most once, only when the judge asks.
 *
 * What happens to the verdict (undo, store, relay, acknowledge) is the
 * room's (room.ts): nothing here stores or sends anything.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import type { ArticleChanges } from '../../shared/article/changes';
import { sourceFingerprint } from '../../shared/article/source-fingerprint';
import { CLOSE, DENIED, type CloseCode } from '../../shared/protocol/collab';
import { mayWriteArticle } from '../../shared/permissions/permissions';
import type { Connection } from './connection';
import { readTouchedSides } from './content-check';
import type { CollabLimits } from './limits';
import { judgeArticleChanges } from './judge';
import type { Observed, UpdateObserver } from './update-observer';

/** What admission needs of the room; read when needed (the document is built on first use). */
export interface AdmissionContext {
  /** The room's live document, holding the accepted updates (built on first use). */
  doc(): Y.Doc;
  readonly observer: UpdateObserver;
  readonly limits: CollabLimits;
  /** The bytes the room holds: its log and the accepted updates waiting for the group commit. */
  heldBytes(): number;
  /** How the source of the accepted document reads (shared/article/source-fingerprint.ts). */
  acceptedSource(): string;
}

export type Admission =
  /** Applied, and it may stand: store it, then relay it. `sourceNow` reads the source once, if the judge did not. */
  | { kind: 'accept'; changes: ArticleChanges; targets: Map<string, PMNode>; clients: number[]; sourceNow: () => string }
  /** Applied, and it held nothing new (a reconnecting client's step 2): acknowledge these clients once stored. */
  | { kind: 'known'; clients: number[] }
  /** Not applied: the sender's role may change nothing. */
  | { kind: 'readOnly' }
  /** Close the connection; `applied`: the document holds the update, which must be undone first. */
  | { kind: 'close'; code: CloseCode; reason: string; applied: boolean }
  /** Applied, and it may not stand: undo it and tell the sender why (`denial` is one of DENIED). */
  | { kind: 'refuse'; denial: string; reason: string };

export function admit(room: AdmissionContext, connection: Connection, update: Uint8Array): Admission {
  if (!mayWriteArticle(connection.user.role)) return { kind: 'readOnly' };
  const { limits } = room;
  if (room.heldBytes() + update.byteLength > limits.maxDocumentBytes) {
    return { kind: 'close', code: CLOSE.DOCUMENT_TOO_LARGE, reason: `the document would exceed ${limits.maxDocumentBytes} bytes`, applied: false };
  }
  const doc = room.doc();
  let observed: Observed | null;
  try {
    observed = room.observer.apply(doc, update, connection);
  } catch (error) {
    return { kind: 'close', code: CLOSE.MALFORMED_MESSAGE, reason: `not a valid Yjs update (${(error as Error).message})`, applied: true };
  }
  const store = doc.store;
  if (store.pendingStructs !== null || store.pendingDs !== null) {
    return { kind: 'close', code: CLOSE.OUT_OF_SYNC, reason: 'the update depends on changes the server does not have', applied: true };
  }
  if (!observed || !observed.wrote) {
    // Nothing new: already stored. Acknowledged for the clients its update holds.
    return { kind: 'known', clients: [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()] };
  }

  const { changes } = observed;
  const sides = readTouchedSides(doc, changes);
  if (sides.problems.length > 0) return { kind: 'refuse', denial: DENIED.INVALID_CONTENT, reason: sides.problems.join('; ') };
  // Read at most once per update: the judge may ask, and accepting keeps it.
  let source: string | undefined;
  const sourceNow = () => (source ??= sourceFingerprint(doc));
  const verdict = judgeArticleChanges(connection.user, changes, () => sourceNow() === room.acceptedSource());
  if (!verdict.ok) return { kind: 'refuse', denial: DENIED.FORBIDDEN_CHANGE, reason: verdict.reason };
  return { kind: 'accept', changes, targets: sides.targets, clients: observed.clients, sourceNow };
}
