/**
 * One article's live document and everyone connected to it.
 *
 * The order of events for an incoming update is the durability contract:
 * check it, apply it, judge what it changed against the sender's role, commit
 * it to the store, and only then relay it to the others and tell the sender it
 * is saved. A refused update is never stored or relayed: the room reloads its
 * document from the store, which holds exactly what was accepted.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { classifyTransaction, collectUnlessStatus, mergeChanges, sourceFingerprint, type ArticleChanges } from '../../shared/article/changes';
import { articleTypes } from '../../shared/article/layout';
import { wroteAnything } from '../../shared/article/transaction-values';
import { CLOSE, DENIED, MESSAGE } from '../../shared/protocol/collab';
import { canWriteArticle, type Role } from '../../shared/protocol/roles';
import type { ArticleStore } from '../store/article-store';
import type { Connection } from './connection';
import type { CollabLimits } from './limits';
import { misshapenSides } from './content-check';
import { judgeArticleChanges } from './permissions';
import { keepOpening } from '../articles/opening-cache';

/** The origin of the room's own writes (loading from the store). */
export const ROOM_ORIGIN = 'duet:room';

/**
 * The origin of changes the server makes on someone's behalf (an XLIFF import,
 * an uploaded image put into a figure): the HTTP route has already checked the
 * caller's permission, so these are stored and relayed without being judged.
 */
export class ServerChange {
  constructor(readonly actor: { name: string; role: Role }) {}
}

/** An update the room has accepted and stored (from a client, or made on the server's side). */
export interface AcceptedChange {
  articleId: string;
  actor: { name: string; role: Role };
  changes: ArticleChanges;
  /** The room's document, with the change applied. Read it; never write to it from a listener. */
  doc: Y.Doc;
  /** When it was stored, in milliseconds since the epoch. */
  at: number;
}

/**
 * Told of every accepted change, after it is stored and before it is relayed.
 * Runs on the hot path (every keystroke): keep it cheap. A listener that
 * throws is logged; the change stands.
 */
export type AcceptedListener = (change: AcceptedChange) => void;

/**
 * A client's first sync request is answered from the stored bytes; the document
 * is built right after. If no request comes, it is built after this long anyway.
 */
const BUILD_FALLBACK_MS = 200;

export class Room {
  /** The live document; null until built (see `doc`). */
  private current: Y.Doc | null = null;
  /** The stored updates the document will be built from; null once it is built. */
  private stored: Uint8Array[] | null = null;
  /** `stored` as one update, made when first needed. */
  private storedMerged: Uint8Array | null = null;
  /** Connections that joined before the document was built: they get the server's step 1 then. */
  private readonly awaitingStep1 = new Set<Connection>();
  private buildTimer: ReturnType<typeof setTimeout> | null = null;
  /** Presence: cursors, names, colours. Bound to a doc of its own: the server has no presence. */
  readonly awareness = new Awareness(new Y.Doc());
  readonly connections = new Set<Connection>();
  /** Which connection announced each awareness client id: a connection may only speak for its own. */
  readonly awarenessOwners = new Map<number, Connection>();
  private storedBytes = 0;
  private logLength = 0;
  private lastSeq = 0;
  private sourceText = '';

  private constructor(
    readonly name: string,
    readonly articleId: string,
    private readonly store: ArticleStore,
    private readonly limits: CollabLimits,
    private readonly log: (line: string) => void,
    private readonly listeners: readonly AcceptedListener[],
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * The room of a stored article; null for an unknown article. Its document is
   * built from the store when first needed, not here: the first client's sync
   * request is answered from the stored bytes, so a long article reaches the
   * first person to open it without waiting for the server to build it (for
   * 2,000 segments that build is a few hundred milliseconds, which the client
   * then spends decoding the same bytes).
   */
  static load(
    name: string,
    articleId: string,
    store: ArticleStore,
    limits: CollabLimits,
    log: (line: string) => void,
    listeners: readonly AcceptedListener[] = [],
  ): Room | null {
    if (!store.has(articleId)) return null;
    const room = new Room(name, articleId, store, limits, log, listeners);
    room.stored = store.load(articleId) ?? [];
    room.noteStored(room.stored);
    return room;
  }

  /** The live document, built from the store now if it is not yet. */
  get doc(): Y.Doc {
    return this.current ?? this.build(this.stored ?? this.store.load(this.articleId) ?? []);
  }

  /** Replace the in-memory document by the stored one. */
  private reload(): void {
    this.build(this.store.load(this.articleId) ?? []);
  }

  private build(updates: Uint8Array[]): Y.Doc {
    const doc = new Y.Doc({ gcFilter: collectUnlessStatus });
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    }, ROOM_ORIGIN);
    articleTypes(doc); // type every root now: an update to a root nobody has asked for by type would reach observers untyped
    this.current?.destroy();
    this.current = doc;
    this.stored = null;
    this.storedMerged = null;
    if (this.buildTimer) clearTimeout(this.buildTimer);
    this.buildTimer = null;
    this.noteStored(updates);
    this.sourceText = sourceFingerprint(doc);
    for (const connection of this.awaitingStep1) if (this.connections.has(connection)) this.sendStep1(connection);
    this.awaitingStep1.clear();
    return doc;
  }

  private noteStored(updates: Uint8Array[]): void {
    this.storedBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.logLength = updates.length;
    this.lastSeq = this.store.lastSeq(this.articleId);
  }

  /** Build the document after `delayMs`, unless something needs it sooner. */
  private buildSoon(delayMs: number): void {
    if (this.current || this.buildTimer) return;
    this.buildTimer = setTimeout(() => {
      this.buildTimer = null;
      void this.doc; // builds it
    }, delayMs);
    this.buildTimer.unref?.();
  }

  join(connection: Connection): void {
    if (this.connections.size >= this.limits.maxConnectionsPerRoom) {
      connection.close(CLOSE.ROOM_FULL, `the room already has ${this.limits.maxConnectionsPerRoom} connections`);
      return;
    }
    this.connections.add(connection);
    // The server's step 1 carries the document's state vector: sent once there is a document.
    if (this.current) this.sendStep1(connection);
    else {
      this.awaitingStep1.add(connection);
      this.buildSoon(BUILD_FALLBACK_MS);
    }
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(this.awarenessMessage(states));
    if (!canWriteArticle(connection.user.role)) this.deny(connection, DENIED.READ_ONLY);
  }

  private sendStep1(connection: Connection): void {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE.SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    connection.send(encoding.toUint8Array(step1));
  }

  leave(connection: Connection): void {
    this.awaitingStep1.delete(connection);
    if (!this.connections.delete(connection)) return;
    const owned = [...connection.awarenessClients].filter((client) => this.awarenessOwners.get(client) === connection);
    if (owned.length > 0) removeAwarenessStates(this.awareness, owned, null);
  }

  get empty(): boolean {
    return this.connections.size === 0;
  }

  /** Sync step 1 from a client: send what it lacks (from the stored bytes while there is no document yet). */
  answerStateVector(connection: Connection, stateVector: Uint8Array): void {
    const answer = this.current ? Y.encodeStateAsUpdate(this.current, stateVector) : this.answerFromStore(stateVector);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, answer);
    connection.send(encoding.toUint8Array(encoder));
    // Once the answer is on its way: build the document while the client decodes it.
    this.buildSoon(0);
  }

  private answerFromStore(stateVector: Uint8Array): Uint8Array {
    const known = Y.decodeStateVector(stateVector); // throws on a malformed one, as encodeStateAsUpdate would
    const updates = this.stored ?? [];
    this.storedMerged ??= updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    return known.size === 0 ? this.storedMerged : Y.diffUpdate(this.storedMerged, stateVector);
  }

  /** Sync step 2 or an update from a client. */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    if (!canWriteArticle(connection.user.role)) return this.deny(connection, DENIED.READ_ONLY);
    try {
      Y.decodeUpdate(update); // parse it whole before anything touches the document
    } catch {
      return connection.close(CLOSE.MALFORMED_MESSAGE, 'not a valid Yjs update');
    }
    if (this.storedBytes + update.byteLength > this.limits.maxDocumentBytes) {
      return connection.close(CLOSE.DOCUMENT_TOO_LARGE, `the document would exceed ${this.limits.maxDocumentBytes} bytes`);
    }

    let changes: ArticleChanges | null = null;
    let changedState = false;
    const observe = (transaction: Y.Transaction) => {
      if (transaction.origin !== connection) return;
      changes = classifyTransaction(transaction);
      changedState = wroteAnything(transaction);
    };
    this.doc.on('afterTransaction', observe);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.reload();
      return connection.close(CLOSE.MALFORMED_MESSAGE, `update could not be applied: ${(error as Error).message}`);
    } finally {
      this.doc.off('afterTransaction', observe);
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      this.reload();
      return connection.close(CLOSE.OUT_OF_SYNC, 'the update depends on changes the server does not have');
    }
    if (!changes || !changedState) return this.acknowledge(connection); // nothing new: already stored

    const accepted: ArticleChanges = changes;
    const misshapen = misshapenSides(this.doc, accepted);
    if (misshapen.length > 0) return this.refuse(connection, DENIED.INVALID_CONTENT, misshapen.join('; '));
    const verdict = judgeArticleChanges(connection.user, accepted, () => sourceFingerprint(this.doc) === this.sourceText);
    if (!verdict.ok) return this.refuse(connection, DENIED.FORBIDDEN_CHANGE, verdict.reason);

    if (!this.commit(update, accepted, connection.user)) return connection.close(CLOSE.SERVER_ERROR, 'the update could not be stored');
    this.relay(update, connection);
    this.acknowledge(connection);
    if (this.logLength > this.limits.compactAfterUpdates) this.compact();
  }

  /**
   * Make a change on the server's side (the caller has checked permissions):
   * applied, stored and relayed to everyone like an accepted client update.
   * If `change` throws, or the store refuses, the document is reloaded from
   * the store, so nothing half-done stays in memory. Returns whether anything changed.
   */
  applyServerChange(actor: ServerChange['actor'], change: (doc: Y.Doc, origin: ServerChange) => void): boolean {
    const origin = new ServerChange(actor);
    const updates: Uint8Array[] = [];
    let changes: ArticleChanges | null = null;
    const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
      if (updateOrigin === origin) updates.push(update);
    };
    const observe = (transaction: Y.Transaction) => {
      if (transaction.origin === origin) changes = mergeChanges(changes, classifyTransaction(transaction));
    };
    this.doc.on('update', onUpdate);
    this.doc.on('afterTransaction', observe);
    try {
      this.doc.transact(() => change(this.doc, origin), origin);
    } catch (error) {
      this.reload();
      throw error;
    } finally {
      this.doc.off('update', onUpdate);
      this.doc.off('afterTransaction', observe);
    }
    if (updates.length === 0 || !changes) return false;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    if (!this.commit(update, changes, actor)) throw new Error('the change could not be stored');
    this.relay(update, null);
    if (this.logLength > this.limits.compactAfterUpdates) this.compact();
    return true;
  }

  /**
   * Store an accepted update (the one place for client and server changes)
   * and tell the listeners; on failure reload (the store is the truth) and return false.
   */
  private commit(update: Uint8Array, changes: ArticleChanges, actor: AcceptedChange['actor']): boolean {
    try {
      this.lastSeq = this.store.append(this.articleId, update);
    } catch (error) {
      this.log(`collab: could not store an update for ${this.name}: ${(error as Error).message}`);
      this.reload();
      return false;
    }
    this.storedBytes += update.byteLength;
    this.logLength++;
    if (changes.kinds.has('sourceText') || changes.kinds.has('structure')) this.sourceText = sourceFingerprint(this.doc);
    const accepted: AcceptedChange = { articleId: this.articleId, actor: { name: actor.name, role: actor.role }, changes, doc: this.doc, at: Date.now() };
    for (const listener of this.listeners) {
      try {
        listener(accepted);
      } catch (error) {
        this.log(`collab: a listener failed on a change to ${this.name}: ${(error as Error).message}`);
      }
    }
    return true;
  }

  private relay(update: Uint8Array, except: Connection | null): void {
    const relay = encoding.createEncoder();
    encoding.writeVarUint(relay, MESSAGE.SYNC);
    syncProtocol.writeUpdate(relay, update);
    const message = encoding.toUint8Array(relay);
    for (const other of this.connections) if (other !== except) other.send(message);
  }

  /** Tell a client what the store holds, so it can show "saved" truthfully. */
  private acknowledge(connection: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.SAVED);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
    connection.send(encoding.toUint8Array(encoder));
  }

  /** An update that may not stand: drop it (reload what the store holds), tell the sender, and count it. */
  private refuse(connection: Connection, denial: string, reason: string): void {
    this.reload();
    this.log(`collab: refused an update from ${connection.label}: ${reason}`);
    connection.refusals++;
    if (connection.refusals > this.limits.maxRefusals) return connection.close(CLOSE.FORBIDDEN, 'too many refused updates');
    this.deny(connection, `${denial}: ${reason}`);
  }

  private deny(connection: Connection, reason: string): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.AUTH);
    authProtocol.writePermissionDenied(encoder, reason);
    connection.send(encoding.toUint8Array(encoder));
  }

  /** Merge the update log into one snapshot. */
  compact(): void {
    if (this.logLength <= 1) return;
    try {
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      this.store.compact(this.articleId, snapshot, this.lastSeq);
      this.storedBytes = snapshot.byteLength;
      this.logLength = 1;
    } catch (error) {
      // The log is intact; compaction will be tried again.
      this.log(`collab: could not compact ${this.name}: ${(error as Error).message}`);
    }
  }

  awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const connection = [...this.connections].find((candidate) => candidate === origin);
    if (connection) {
      for (const client of added) {
        connection.awarenessClients.add(client);
        this.awarenessOwners.set(client, connection);
      }
    }
    for (const client of removed) {
      this.awarenessOwners.get(client)?.awarenessClients.delete(client);
      this.awarenessOwners.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = this.awarenessMessage(changed);
    for (const other of this.connections) other.send(message);
  };

  closeAll(code: (typeof CLOSE)[keyof typeof CLOSE], reason: string): void {
    for (const connection of this.connections) connection.close(code, reason);
  }

  /** The next first visit is answered without building the document (server/articles/opening-cache.ts). */
  private keepOpening(doc: Y.Doc): void {
    try {
      keepOpening(this.store, this.articleId, doc);
    } catch (error) {
      // Only a first visit's speed depends on it: the opening is read from the document then.
      this.log(`collab: could not keep the opening of ${this.name}: ${(error as Error).message}`);
    }
  }

  destroy(): void {
    if (this.buildTimer) clearTimeout(this.buildTimer);
    this.buildTimer = null;
    // Never built: nothing changed since it was stored.
    if (this.current) {
      this.compact();
      this.keepOpening(this.current);
      this.current.destroy();
    }
    this.awareness.destroy();
  }
}
