/**
 * One open article in the browser: its Y.Doc, kept in IndexedDB so work
 * survives reloads and outages, synced over the websocket, with presence.
 *
 * The connection state it reports never lies: "connected" only once the
 * server has answered the sync, "saved" only when the server's SAVED message
 * covers everything typed here.
 */
import * as Y from 'yjs';
import { articleRoom, COLLAB_PATH } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { presenceOf } from './colors';
import { CollabProvider } from './collab-provider';
import { DeviceCopy } from './device-copy';
import { updateFeed, type UpdateFeed } from './update-feed';
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
  readonly provider: CollabProvider;
  /** The IndexedDB copy: read before connecting, written as the document changes (batched). */
  readonly copy: DeviceCopy;
  private state: SessionState = SESSION_START;
  private savedClock = 0;
  private readonly listeners = new Set<() => void>();
  private userValue: SessionUser | null = null;
  private readonly beforeServerChanges = new Set<() => void>();
  private readonly cancelConnect: () => void;
  private readonly feed: UpdateFeed;
  private readonly unsubscribeFeed: () => void;

  /**
   * Without `user` the article opens before the app knows who is signed in
   * (see early-session.ts); `setUser` then says who is here.
   */
  constructor(
    readonly articleId: string,
    user: SessionUser | null,
    origin = location.origin,
  ) {
    // Nothing needs the device copy's bytes until the server asks for what it lacks.
    this.feed = updateFeed(this.doc, (transaction) => transaction.origin === this.copy && !this.provider.answered);
    // Only while the server holds the work too may the device copy lag a frame behind.
    this.copy = new DeviceCopy(`duet-article-${articleId}`, this.doc, this.feed, (from) =>
      from === this.provider ? 'background' : this.state.connection === 'connected' ? 'after-frame' : 'now',
    );
    void this.copy.whenRead.then(() => this.update({ loaded: true }));

    this.provider = new CollabProvider({
      url: `${origin.replace(/^http/, 'ws')}${COLLAB_PATH}/${articleRoom(articleId)}`,
      doc: this.doc,
      feed: this.feed,
      copyOrigin: this.copy,
      maxBackoffMs: 4000,
      hooks: {
        changed: () => this.update({ connection: this.connectionState(), saved: this.isSaved(), received: this.state.received || this.provider.synced }),
        beforeServerChange: () => {
          for (const hook of this.beforeServerChanges) hook();
        },
        saved: (stored) => {
          // SAVED names only the client ids the acknowledged update carried: one without ours says nothing of our clock.
          const clock = stored.get(this.doc.clientID);
          if (clock !== undefined) this.savedClock = Math.max(this.savedClock, clock);
          this.update({ saved: this.isSaved() });
        },
        denied: (reason) => this.update({ denials: [...this.state.denials, reason].slice(-5) }),
        closed: ({ code, reason }) => {
          if (code >= 4400 && code < 4500) this.update({ fatal: { code, reason } });
        },
      },
    });
    this.provider.awareness.setLocalState(null);
    if (user) this.setUser(user);
    this.unsubscribeFeed = this.feed.subscribe(this.onUpdate);
    // Last, with every handler in place.
    this.cancelConnect = connectAfterLocalCopy(this.provider, this.copy);
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onPageHide = () => {
    this.provider.flush();
    this.copy.flush();
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
    if (origin !== this.provider && origin !== this.copy) this.update({ saved: this.isSaved() });
  };

  private readonly onNetworkChange = () => this.update({ connection: this.connectionState() });

  private isSaved(): boolean {
    // This client's clock, without encoding the whole state vector on every keystroke.
    return this.savedClock >= Y.getState(this.doc.store, this.doc.clientID);
  }

  private connectionState(): ConnectionState {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
    if (this.provider.connected && this.provider.synced) return 'connected';
    // Two failed attempts in a row: the server is out of reach, not merely slow to answer.
    if (this.state.fatal || this.provider.failedAttempts >= OFFLINE_AFTER_FAILURES) return 'offline';
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
    this.unsubscribeFeed();
    this.provider.destroy();
    this.copy.destroy();
    this.feed.destroy();
    this.doc.destroy();
  }
}
