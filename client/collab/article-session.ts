/**
 * One open article in the browser: its Y.Doc, kept in IndexedDB so work
 * survives reloads and outages, synced over the websocket, with presence.
 *
 * The connection state it reports never lies: "connected" only once the
 * server has answered the sync, "saved" only when the server's SAVED message
 * covers everything typed here.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { IndexeddbPersistence } from 'y-indexeddb';
import { articleRoom, COLLAB_PATH, MESSAGE } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { presenceOf } from './colors';
import { batchLocalWrites } from './local-writes';
import { deferUpdateSends, type DeferredSends } from './deferred-sends';
import { updateBytes, type UpdateBytes } from './update-bytes';
import { connectAfterLocalCopy } from './connect-after-copy';

const OFFLINE_AFTER_FAILURES = 2;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SessionState {
  connection: ConnectionState;
  /** Everything typed here is stored on the server. */
  saved: boolean;
  /** The local copy (IndexedDB) has been read: the document can be shown. */
  loaded: boolean;
  /** The server's state has arrived since the page opened: what the document lacks, it does not have. */
  received: boolean;
  /** Why the server refused something, most recent last. */
  denials: string[];
  /** A close that reconnecting cannot fix (4400–4499), if any. */
  fatal: { code: number; reason: string } | null;
}

/** What the editor page reads of a session: also true of one not started yet (not-started-session.ts). */
export interface SessionView {
  readonly articleId: string;
  readonly snapshot: SessionState;
  subscribe(listener: () => void): () => void;
  beforeServerChange(hook: () => void): () => void;
}

/** A session's state before anything has happened: connecting, nothing unsaved, nothing read or received. */
export const SESSION_START: SessionState = Object.freeze({ connection: 'connecting', saved: true, loaded: false, received: false, denials: [], fatal: null });

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

export class ArticleSession implements SessionView {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  private state: SessionState = SESSION_START;
  private savedClock = 0;
  private readonly listeners = new Set<() => void>();
  /** Writes what the IndexedDB copy has not stored yet (writes are batched). */
  private readonly flushLocal: () => void;
  /** Sends local changes just after the frame (see deferred-sends.ts). */
  private readonly sends: DeferredSends;
  private userValue: SessionUser | null = null;
  private readonly beforeServerChanges = new Set<() => void>();
  private readonly cancelConnect: () => void;
  private readonly updateBytes: UpdateBytes;

  /**
   * Without `user` the article opens before the app knows who is signed in
   * (see early-session.ts); `setUser` then says who is here.
   */
  constructor(
    readonly articleId: string,
    user: SessionUser | null,
    origin = location.origin,
  ) {
    this.local = new IndexeddbPersistence(`duet-article-${articleId}`, this.doc);
    // Only while the server holds the work too may the local copy lag a frame behind.
    this.flushLocal = batchLocalWrites(
      this.local,
      (from) => from === this.provider || this.state.connection === 'connected',
      (from) => from === this.provider,
    );
    void this.local.whenSynced.then(() => this.update({ loaded: true }));

    this.provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}${COLLAB_PATH}`, articleRoom(articleId), this.doc, {
      maxBackoffTime: 4000,
      connect: false,
    });
    this.sends = deferUpdateSends(this.provider, this.local);
    // Nothing needs the local copy's bytes until the server asks for what it lacks.
    this.updateBytes = updateBytes(this.doc, (transaction) => transaction.origin === this.local && !this.sends.wantsCopyUpdates());
    const handleSync = this.provider.messageHandlers[MESSAGE.SYNC]!;
    this.provider.messageHandlers[MESSAGE.SYNC] = (...args) => {
      for (const hook of this.beforeServerChanges) hook();
      const update = updateCarried(args[1]);
      return update ? this.updateBytes.applying(update, this.provider, () => handleSync(...args)) : handleSync(...args);
    };
    this.provider.awareness.setLocalState(null);
    if (user) this.setUser(user);
    this.provider.messageHandlers[MESSAGE.SAVED] = (_encoder, decoder) => {
      // SAVED names only the client ids the acknowledged update carried: one without ours says nothing of our clock.
      const stored = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(this.doc.clientID);
      if (stored !== undefined) this.savedClock = Math.max(this.savedClock, stored);
      this.update({ saved: this.isSaved() });
    };
    this.provider.messageHandlers[MESSAGE.AUTH] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      const reason = decoding.readVarString(decoder);
      this.update({ denials: [...this.state.denials, reason].slice(-5) });
    };
    this.provider.on('sync', (synced: boolean) => {
      this.update({ connection: this.connectionState(), saved: this.isSaved(), received: this.state.received || synced });
    });
    this.provider.on('status', () => this.update({ connection: this.connectionState() }));
    this.provider.on('connection-close', (event) => {
      if (event && event.code >= 4400 && event.code < 4500) this.update({ fatal: { code: event.code, reason: event.reason } });
      this.update({ connection: this.connectionState() });
    });
    this.doc.on('update', this.onUpdate);
    // Last, with every handler in place.
    this.cancelConnect = connectAfterLocalCopy(this.provider, this.local);
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onPageHide = () => {
    this.sends.flush();
    this.flushLocal();
  };

  get user(): SessionUser | null {
    return this.userValue;
  }

  /**
   * Run `hook` before each change from the server is applied (the editor reads
   * a caret move it has not taken in yet, see editor/pending-input.ts). Returns
   * the unsubscribe.
   */
  beforeServerChange(hook: () => void): () => void {
    this.beforeServerChanges.add(hook);
    return () => void this.beforeServerChanges.delete(hook);
  }

  /** Who is editing here: shown to the others (presence). */
  setUser(user: SessionUser): void {
    this.userValue = user;
    const current = this.provider.awareness.getLocalState() as { cursor?: unknown } | null;
    this.provider.awareness.setLocalState(presenceOf(user, current?.cursor ?? null));
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.onPageHide();
  };

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    // At once, inside the keystroke: "saved" must never be claimed while a change is unsent.
    if (origin !== this.provider && origin !== this.local) this.update({ saved: this.isSaved() });
  };

  private readonly onNetworkChange = () => this.update({ connection: this.connectionState() });

  private isSaved(): boolean {
    // This client's clock, without encoding the whole state vector on every keystroke.
    return this.savedClock >= Y.getState(this.doc.store, this.doc.clientID);
  }

  private connectionState(): ConnectionState {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
    if (this.provider.wsconnected && this.provider.synced) return 'connected';
    // Two failed attempts in a row: the server is out of reach, not merely slow to answer.
    if (this.state.fatal || this.provider.wsUnsuccessfulReconnects >= OFFLINE_AFTER_FAILURES) return 'offline';
    return this.state.received ? 'reconnecting' : 'connecting';
  }

  get snapshot(): SessionState {
    return this.state;
  }

  private update(patch: Partial<SessionState>): void {
    const next = { ...this.state, ...patch };
    if (Object.keys(patch).every((key) => next[key as keyof SessionState] === this.state[key as keyof SessionState])) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** For React's useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.cancelConnect();
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.onPageHide();
    this.doc.off('update', this.onUpdate);
    this.updateBytes.destroy();
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}

/** The Yjs update a sync message carries (sync step 2 or an update), read without consuming the message. */
function updateCarried(decoder: decoding.Decoder): Uint8Array | null {
  const peek = decoding.clone(decoder);
  const type = decoding.readVarUint(peek);
  return type === messageYjsSyncStep2 || type === messageYjsUpdate ? decoding.readVarUint8Array(peek) : null;
}
