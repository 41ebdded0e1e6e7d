/**
 * One article's live document and everyone connected to it.
 *
 * The order of events for an incoming update is the durability contract:
 * admit it (apply it, judge what it changed against the sender's role:
 * admission.ts), commit it to the store (with whatever else arrived in the
 * same turn: group-commit.ts), and only then relay it to the others and tell
 * the sender it is saved; derive history and notifications from it after that
 * (derivation.ts). A refused update is never stored or relayed: the room
 * restores its document to what was accepted.
 *
 * The room is the only writer of its article while it is loaded. Rows that
 * another process appends to the store (the CLI against a running server's
 * data folder) are applied, relayed and derived by the room when it sees them,
 * and compaction only ever drops rows the room has applied.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { collectUnlessStatus, type ArticleChanges } from '../../shared/article/changes';
import { sourceFingerprint } from '../../shared/article/source-fingerprint';
import { articleTypes } from '../../shared/article/layout';
import { CLOSE, DENIED, MESSAGE } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { mayWriteArticle } from '../../shared/permissions/permissions';
import { admit, type AdmissionContext } from './admission';
import type { ArticleStore, DerivedThrough, NewUpdate, StoredUpdate } from '../store/article-store';
import type { Connection } from './connection';
import { DerivationQueue, type DerivedChange, type Deriver } from './derivation';
import type { Node as PMNode } from 'prosemirror-model';
import type { CommitParticipant, GroupCommit } from './group-commit';
import type { CollabLimits } from './limits';
import { readTouchedSides } from './content-check';
import { UpdateObserver, type Observed } from './update-observer';
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

/** The origin of rows the room applies from the store: written by another process (the CLI), or not yet derived after a crash. */
const STORED_ORIGIN = 'duet:stored';

/**
 * A client's first sync request is answered from the stored bytes; the document
 * is built right after. If no request comes, it is built after this long anyway.
 */
const BUILD_FALLBACK_MS = 200;
/** A long log is compacted once the room has had no update for this long... */
const COMPACT_IDLE_MS = 1000;
/** ...or at once, when the log grows this many times past the limit without a pause. */
const COMPACT_OVERDUE_FACTOR = 4;
/** How often a group commit carries the derivation watermarks that moved without a write of their own. */
const WATERMARK_RIDE_MS = 1000;

/** What the room needs of the server around it. */
export interface RoomContext {
  store: ArticleStore;
  limits: CollabLimits;
  log: (line: string) => void;
  committer: GroupCommit;
  derivers: readonly Deriver[];
}

/** An accepted update waiting for the group commit, or an acknowledgement waiting for it. */
type Uncommitted =
  | {
      kind: 'write';
      update: Uint8Array;
      actor: string;
      at: number;
      connection: Connection | null;
      changes: ArticleChanges;
      targets: Map<string, PMNode>;
      clients: number[];
    }
  | { kind: 'ack'; connection: Connection; clients: number[] };

export class Room implements CommitParticipant {
  /** The live document; null until built (see `doc`). */
  private current: Y.Doc | null = null;
  /** The store's rows for this article as the room knows them (a compacted snapshot, then updates), oldest first. */
  private rows: { seq: number; data: Uint8Array }[] = [];
  private logBytes = 0;
  /** `rows` as one update, for answering from the stored bytes before the document is built. */
  private logMerged: Uint8Array | null = null;
  /** The newest row the room has applied. */
  private lastSeq = 0;
  /** Accepted and applied, not yet committed: never relayed, never acknowledged. */
  private pending: Uncommitted[] = [];
  private pendingBytes = 0;
  private lastCommitError: Error | null = null;
  /** Connections that joined before the document was built: they get the server's step 1 then. */
  private readonly awaitingStep1 = new Set<Connection>();
  private buildTimer: ReturnType<typeof setTimeout> | null = null;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  /** Presence: cursors, names, colours. Bound to a doc of its own: the server has no presence. */
  readonly awareness = new Awareness(new Y.Doc());
  readonly connections = new Set<Connection>();
  /** Which connection announced each awareness client id: a connection may only speak for its own. */
  readonly awarenessOwners = new Map<number, Connection>();
  /** How the source of the accepted document reads (shared/article/source-fingerprint.ts), for admission. */
  private sourceText = '';
  private readonly observer = new UpdateObserver();
  /** What admission reads of the room, made once: every update is admitted through it. */
  private readonly admission: AdmissionContext;
  private readonly derivation: DerivationQueue;
  private destroyed = false;
  /** When a group commit last carried the derivation watermarks (see alsoInCommit). */
  private watermarkRiddenAt = 0;

  private constructor(
    readonly name: string,
    readonly articleId: string,
    private readonly context: RoomContext,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.admission = {
      doc: () => this.doc,
      observer: this.observer,
      limits: context.limits,
      heldBytes: () => this.logBytes + this.pendingBytes,
      acceptedSource: () => this.sourceText,
    };
    this.derivation = new DerivationQueue(
      articleId,
      context.store,
      context.derivers,
      () => this.doc,
      context.log,
      0,
      context.limits,
      () => this.scheduleCompaction(),
    );
  }

  private get store(): ArticleStore {
    return this.context.store;
  }

  private get limits(): CollabLimits {
    return this.context.limits;
  }

  private log(line: string): void {
    this.context.log(line);
  }

  /**
   * The room of a stored article; null for an unknown article. Its document is
   * built from the store when first needed, not here: the first client's sync
   * request is answered from the stored bytes, so a long article reaches the
   * first person to open it without waiting for the server to build it (for
   * 2,000 segments that build is a few hundred milliseconds, which the client
   * then spends decoding the same bytes). Unless the log holds rows not yet
   * derived (the server stopped between committing and deriving them, or they
   * were written outside the server): then the room builds the document from
   * the rows before them and applies those rows one by one, deriving each.
   */
  static load(name: string, articleId: string, context: RoomContext): Room | null {
    const rows = context.store.loadRows(articleId);
    if (!rows) return null;
    const room = new Room(name, articleId, context);
    room.rows = rows.map(({ seq, data }) => ({ seq, data }));
    room.logBytes = rows.reduce((sum, row) => sum + row.data.byteLength, 0);
    room.lastSeq = rows.at(-1)?.seq ?? 0;
    const through = context.store.derivedThrough(articleId);
    const from = Math.min(through.derived, through.textSettled);
    if (from < room.lastSeq) room.rederive(rows, from, through);
    return room;
  }

  private rederive(rows: StoredUpdate[], from: number, through: DerivedThrough): void {
    this.build(rows.filter((row) => row.seq <= from).map((row) => row.data));
    for (const row of rows) {
      if (row.seq <= from) continue;
      const observed = this.applyObserved(row.data, STORED_ORIGIN);
      if (!observed?.wrote) continue;
      this.derivation.add(this.storedChange(row, observed), { changes: row.seq > through.derived, text: row.seq > through.textSettled });
    }
    this.sourceText = sourceFingerprint(this.doc);
    this.derivation.flush();
  }

  /** A row from the store, as derivation sees it (its targets read now, right after it was applied). */
  private storedChange(row: StoredUpdate, observed: Observed): DerivedChange {
    const targets = readTouchedSides(this.doc, observed.changes).targets;
    return { articleId: this.articleId, seq: row.seq, actor: row.actor, at: row.at ?? Date.now(), changes: observed.changes, targets };
  }

  /** The live document, built from the log now if it is not yet. */
  get doc(): Y.Doc {
    return this.current ?? this.build(this.rows.map((row) => row.data));
  }

  private build(updates: Uint8Array[]): Y.Doc {
    const doc = new Y.Doc({ gcFilter: collectUnlessStatus });
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    }, ROOM_ORIGIN);
    articleTypes(doc); // type every root now: an update to a root nobody has asked for by type would reach observers untyped
    doc.on('afterTransaction', this.observer.observe);
    this.current?.destroy();
    this.current = doc;
    this.logMerged = null;
    if (this.buildTimer) clearTimeout(this.buildTimer);
    this.buildTimer = null;
    this.sourceText = sourceFingerprint(doc);
    for (const connection of this.awaitingStep1) if (this.connections.has(connection)) this.sendStep1(connection);
    this.awaitingStep1.clear();
    return doc;
  }

  /**
   * Undo what the document holds beyond the accepted updates (a refused or
   * unreadable one): rebuilt in memory from the rows the room keeps and the
   * accepted updates not yet committed. Yjs cannot take an applied update
   * back, and reading the store again would cost a query on top of the build;
   * refusals are rare and limited per connection (maxRefusals).
   */
  private restoreAccepted(): void {
    this.build([...this.rows.map((row) => row.data), ...this.pending.flatMap((item) => (item.kind === 'write' ? [item.update] : []))]);
  }

  /** Apply an update (or run a change) as `origin`, and say what its transactions did. */
  private applyObserved(update: Uint8Array | ((doc: Y.Doc) => void), origin: unknown): Observed | null {
    return this.observer.apply(this.doc, update, origin);
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
    if (!mayWriteArticle(connection.user.role)) this.deny(connection, DENIED.READ_ONLY);
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
    // Only what is committed may leave the server.
    if (this.pending.length > 0) this.context.committer.flush();
    const answer = this.current ? Y.encodeStateAsUpdate(this.current, stateVector) : this.answerFromStore(stateVector);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, answer);
    connection.send(encoding.toUint8Array(encoder));
    this.acknowledgeKnown(connection, stateVector);
    // Once the answer is on its way: build the document while the client decodes it.
    this.buildSoon(0);
  }

  /**
   * A client that (re)connects may have written updates whose SAVED it never
   * got: the connection dropped between the commit and the acknowledgement.
   * Its step 2 then carries nothing new, so nothing else would tell it. Tell
   * it here, once per sync, the stored clock of each client its state vector
   * names (one entry per client that ever edited the article, like the state
   * vector the client just sent; keystrokes never pay for it).
   */
  private acknowledgeKnown(connection: Connection, stateVector: Uint8Array): void {
    const known = Y.decodeStateVector(stateVector);
    if (known.size === 0) return;
    const stored = this.current ? null : Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.mergedLog()));
    const clocks = new Map<number, number>();
    for (const client of known.keys()) {
      const clock = stored ? (stored.get(client) ?? 0) : Y.getState(this.current!.store, client);
      if (clock > 0) clocks.set(client, clock);
    }
    if (clocks.size > 0) connection.send(this.savedMessage(clocks));
  }

  private answerFromStore(stateVector: Uint8Array): Uint8Array {
    const known = Y.decodeStateVector(stateVector); // throws on a malformed one, as encodeStateAsUpdate would
    const merged = this.mergedLog();
    return known.size === 0 ? merged : Y.diffUpdate(merged, stateVector);
  }

  /** `rows` as one update (kept until the log changes). */
  private mergedLog(): Uint8Array {
    const updates = this.rows.map((row) => row.data);
    this.logMerged ??= updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    return this.logMerged;
  }

  /**
   * Sync step 2 or an update from a client: the accept path. Admitted
   * (applied, classified, checked against the schema and judged against the
   * sender's role: admission.ts), then undone and answered if it may not
   * stand, else queued for the group commit; relay and SAVED follow the
   * commit (`committed`). Nothing derived from it (history, notifications)
   * happens here.
   */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    const admission = admit(this.admission, connection, update);
    switch (admission.kind) {
      case 'accept': {
        const { changes, targets, clients, sourceNow } = admission;
        return this.accept({ kind: 'write', update, actor: connection.user.name, at: Date.now(), connection, changes, targets, clients }, sourceNow);
      }
      case 'known':
        return this.acknowledgeWhenStored(connection, admission.clients);
      case 'readOnly':
        return this.deny(connection, DENIED.READ_ONLY);
      case 'close':
        if (admission.applied) this.restoreAccepted();
        return connection.close(admission.code, admission.reason);
      case 'refuse':
        return this.refuse(connection, admission.denial, admission.reason);
    }
  }

  private accept(write: Extract<Uncommitted, { kind: 'write' }>, sourceNow = () => sourceFingerprint(this.doc)): void {
    if (write.changes.kinds.has('sourceText') || write.changes.kinds.has('structure')) this.sourceText = sourceNow();
    this.pending.push(write);
    this.pendingBytes += write.update.byteLength;
    this.context.committer.schedule(this);
  }

  /**
   * Make a change on the server's side (the caller has checked permissions):
   * applied, committed at once with whatever else is waiting, then relayed
   * to everyone like an accepted client update. If `change` throws, or the
   * store refuses, the document is restored to what was accepted, so nothing
   * half-done stays in memory. Returns whether anything changed.
   */
  applyServerChange(actor: ServerChange['actor'], change: (doc: Y.Doc, origin: ServerChange) => void): boolean {
    const origin = new ServerChange(actor);
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
      if (updateOrigin === origin) updates.push(update);
    };
    const doc = this.doc;
    doc.on('update', onUpdate);
    let observed: Observed | null;
    try {
      observed = this.applyObserved((d) => change(d, origin), origin);
    } catch (error) {
      this.restoreAccepted();
      throw error;
    } finally {
      doc.off('update', onUpdate);
    }
    if (updates.length === 0 || !observed) return false;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const targets = readTouchedSides(this.doc, observed.changes).targets;
    this.accept({ kind: 'write', update, actor: actor.name, at: Date.now(), connection: null, changes: observed.changes, targets, clients: [] });
    this.lastCommitError = null;
    this.context.committer.flush();
    if (this.lastCommitError) throw new Error(`the change could not be stored: ${(this.lastCommitError as Error).message}`);
    return true;
  }

  /** For the group commit: the accepted updates since the last commit. */
  uncommitted(): NewUpdate[] {
    return this.pending.flatMap((item) => (item.kind === 'write' ? [{ articleId: this.articleId, data: item.update, actor: item.actor, at: item.at }] : []));
  }

  /**
   * For the group commit, inside its transaction: how far the log is derived,
   * when derivation moved on without writing anything itself (keystrokes).
   */
  alsoInCommit(): void {
    // At most once a second: every commit writing the articles row too cost a second page per
    // keystroke. A watermark that lags only means rows derived again after a crash, and those
    // derived to nothing (a derivation that writes records its watermark with what it wrote).
    const now = Date.now();
    if (now - this.watermarkRiddenAt < WATERMARK_RIDE_MS) return;
    const through = this.derivation.pendingWatermarks();
    if (!through) return;
    this.derivation.recordWatermarks(through);
    this.watermarkRiddenAt = now;
  }

  /**
   * For the group commit: they are stored. Now, in order: relay each to the
   * others, tell its sender it is saved, and hand it to derivation.
   */
  committed(seqs: number[]): void {
    const items = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    let next = 0;
    for (const item of items) {
      if (item.kind === 'ack') {
        this.acknowledge(item.connection, item.clients);
        continue;
      }
      const seq = seqs[next++]!;
      // Rows another process appended before ours: apply and relay them first.
      if (seq > this.lastSeq + 1) this.applyStoredRows((this.store.loadRows(this.articleId, this.lastSeq) ?? []).filter((row) => row.seq < seq));
      this.rows.push({ seq, data: item.update });
      this.logBytes += item.update.byteLength;
      this.logMerged = null;
      this.lastSeq = seq;
      this.relay(item.update, item.connection);
      if (item.connection) this.acknowledge(item.connection, item.clients);
      this.derivation.add({ articleId: this.articleId, seq, actor: item.actor, at: item.at, changes: item.changes, targets: item.targets });
    }
    this.scheduleCompaction();
  }

  /** For the group commit: the store refused them. The document goes back to what is stored; their senders reconnect and send them again. */
  commitFailed(error: Error): void {
    this.lastCommitError = error;
    this.log(`collab: could not store updates for ${this.name}: ${error.message}`);
    const items = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.restoreAccepted();
    for (const item of items) item.connection?.close(CLOSE.SERVER_ERROR, 'the update could not be stored');
  }

  /**
   * Rows in the store that this room did not write (another process's, such
   * as `duet xliff import` against the data folder of this running server):
   * applied, relayed to everyone and derived, before anything else the room
   * commits. Called when the database changes from outside the process.
   */
  pullStored(): void {
    if (this.destroyed) return;
    const rows = this.store.loadRows(this.articleId, this.lastSeq);
    if (rows && rows.length > 0) this.applyStoredRows(rows);
  }

  private applyStoredRows(rows: StoredUpdate[]): void {
    for (const row of rows) {
      if (row.seq <= this.lastSeq) continue;
      let observed: Observed | null = null;
      try {
        observed = this.applyObserved(row.data, STORED_ORIGIN);
      } catch (error) {
        this.log(`collab: could not apply stored row ${row.seq} of ${this.name}: ${(error as Error).message}`);
      }
      this.rows.push({ seq: row.seq, data: row.data });
      this.logBytes += row.data.byteLength;
      this.logMerged = null;
      this.lastSeq = row.seq;
      if (!observed?.wrote) continue;
      if (observed.changes.kinds.has('sourceText') || observed.changes.kinds.has('structure')) this.sourceText = sourceFingerprint(this.doc);
      this.relay(row.data, null);
      this.derivation.add(this.storedChange(row, observed));
    }
  }

  /** Commit now what waits for the group commit (a reader is about to read the document). */
  flushCommits(): void {
    if (this.pending.length > 0) this.context.committer.flush();
  }

  /** Derive now what is still waiting (a reader asks for the history). */
  flushDerived(): void {
    if (this.pending.length > 0) this.context.committer.flush();
    this.derivation.flush();
  }

  private relay(update: Uint8Array, except: Connection | null): void {
    if (this.connections.size === 0 || (this.connections.size === 1 && except && this.connections.has(except))) return;
    const relay = encoding.createEncoder();
    encoding.writeVarUint(relay, MESSAGE.SYNC);
    syncProtocol.writeUpdate(relay, update);
    const message = encoding.toUint8Array(relay);
    for (const other of this.connections) if (other !== except) other.send(message);
  }

  /** After the next commit if one is waiting (it may hold this sender's earlier updates), else now. */
  private acknowledgeWhenStored(connection: Connection, clients: number[]): void {
    if (this.pending.length === 0) return this.acknowledge(connection, clients);
    this.pending.push({ kind: 'ack', connection, clients });
  }

  /**
   * Tell a client what the store holds of what it wrote, so it can show
   * "saved" truthfully: the stored clock of each client id its update carried
   * (a state vector of those alone, O(1) however many clients ever edited).
   */
  private acknowledge(connection: Connection, clients: number[]): void {
    const store = this.doc.store;
    const clocks = new Map<number, number>();
    for (const client of clients) clocks.set(client, Y.getState(store, client));
    connection.send(this.savedMessage(clocks));
  }

  private savedMessage(clocks: Map<number, number>): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.SAVED);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(clocks));
    return encoding.toUint8Array(encoder);
  }

  /** An update that may not stand: undo it, tell the sender, and count it. */
  private refuse(connection: Connection, denial: string, reason: string): void {
    this.restoreAccepted();
    this.log(`collab: refused an update from ${connection.label}: ${reason}`);
    connection.refusals++;
    if (connection.refusals > this.limits.maxRefusals) return connection.close(CLOSE.FORBIDDEN, 'too many refused updates');
    this.deny(connection, `${denial}: ${reason}`);
  }

  deny(connection: Connection, reason: string): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.AUTH);
    authProtocol.writePermissionDenied(encoder, reason);
    connection.send(encoding.toUint8Array(encoder));
  }

  /**
   * Compaction waits for a pause (COMPACT_IDLE_MS without a commit), so it
   * never sits between an update and its relay while people type; a log that
   * grows far past the limit without a pause is compacted at the next turn.
   */
  private scheduleCompaction(): void {
    if (this.rows.length <= this.limits.compactAfterUpdates || this.destroyed) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    const overdue = this.rows.length > COMPACT_OVERDUE_FACTOR * this.limits.compactAfterUpdates;
    this.compactTimer = setTimeout(
      () => {
        this.compactTimer = null;
        this.compact();
      },
      overdue ? 0 : COMPACT_IDLE_MS,
    );
    this.compactTimer.unref?.();
  }

  /**
   * Merge the log into one snapshot, through the last row derived: rows not
   * yet derived stay as they are, so they can be derived again after a crash.
   * Only rows the room has applied are ever dropped.
   */
  private compact(): void {
    if (this.pending.length > 0) return this.scheduleCompaction();
    const moved = this.derivation.pendingWatermarks();
    if (moved) this.store.transaction(() => this.derivation.recordWatermarks(moved));
    const derived = this.store.derivedThrough(this.articleId);
    const through = Math.min(derived.derived, derived.textSettled, this.lastSeq);
    const covered = this.rows.filter((row) => row.seq <= through);
    if (covered.length <= 1) return;
    try {
      // All of it derived: the document's own encoding, which drops deleted content. Else the covered rows merged.
      const snapshot = through === this.lastSeq && this.current ? Y.encodeStateAsUpdate(this.current) : Y.mergeUpdates(covered.map((row) => row.data));
      this.store.compact(this.articleId, snapshot, through);
      this.rows = [{ seq: through, data: snapshot }, ...this.rows.filter((row) => row.seq > through)];
      this.logBytes = this.rows.reduce((sum, row) => sum + row.data.byteLength, 0);
      this.logMerged = null;
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

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
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
    // First, so nothing the last flush below triggers (derivation catching up schedules compaction) sets a timer that outlives the store.
    this.destroyed = true;
    if (this.buildTimer) clearTimeout(this.buildTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.buildTimer = null;
    this.compactTimer = null;
    // Never built: nothing changed since it was stored.
    if (this.current) {
      if (this.pending.length > 0) this.context.committer.flush();
      this.derivation.flush();
      this.compact();
      this.keepOpening(this.current);
      this.current.destroy();
    }
    this.derivation.stop();
    this.awareness.destroy();
  }
}
