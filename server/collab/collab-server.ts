/**
 * The registry of rooms. Rooms load when their first client arrives (before
 * that client is answered) and unload when their last client leaves, so memory
 * follows the articles being worked on, not the articles stored.
 */
import type * as Y from 'yjs';
import { articleRoom, CLOSE, DENIED, parseRoom } from '../../shared/protocol/collab';
import { mayWriteArticle } from '../../shared/permissions/permissions';
import { DuetError } from '../../shared/protocol/errors';
import type { ArticleStore } from '../store/article-store';
import { Connection, type ConnectionUser, type Socket } from './connection';
import { DEFAULT_LIMITS, type CollabLimits } from './limits';
import { handleMessage } from './message-switch';
import type { Deriver } from './derivation';
import { GroupCommit } from './group-commit';
import { Room, type RoomContext, type ServerChange } from './room';

export interface ConnectionHandlers {
  message(data: Uint8Array): void;
  close(): void;
}

/** How long a room loaded for a read stays loaded with nobody in it. */
const READ_HOLD_MS = 10_000;

/** What the collaboration core asks of the accounts (server/auth/accounts.ts answers it). */
export interface AccountLookup {
  /** The account as a connection carries it now; null for one removed. */
  connectionUser(userId: string): ConnectionUser | null;
  /** Whether a connection's session or token (Connection.credential) still authenticates. */
  credentialLive(credential: string): boolean;
}

export class CollabServer {
  private readonly rooms = new Map<string, Room>();
  /** Rooms kept loaded for a while after a read (see readArticle), by their unload timers. */
  private readonly held = new Map<Room, ReturnType<typeof setTimeout>>();
  private readonly derivers: Deriver[] = [];
  private readonly context: RoomContext;
  readonly limits: CollabLimits;

  constructor(
    private readonly store: ArticleStore,
    limits: Partial<CollabLimits> = {},
    private readonly log: (line: string) => void = () => {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.context = { store, limits: this.limits, log, committer: new GroupCommit(store), derivers: this.derivers };
  }

  /**
   * Derive something from every change any room accepts (history,
   * notifications): after the change is committed and relayed, in batches
   * (see derivation.ts). Add derivers before the first room loads.
   */
  derive(deriver: Deriver): void {
    this.derivers.push(deriver);
  }

  /** Attach an authenticated socket to a room; the transport feeds it messages and its close. */
  connect(socket: Socket, roomName: string, user: ConnectionUser, credential: string | null = null): ConnectionHandlers {
    const connection = new Connection(socket, user, this.limits, this.log, `${user.name}@${roomName}`, credential);
    const room = this.room(roomName);
    if (!room) {
      connection.close(CLOSE.ROOM_NOT_FOUND, `no such room: ${roomName}`);
      return { message: () => {}, close: () => {} };
    }
    room.join(connection);
    return {
      message: (data) => {
        if (!connection.closed) handleMessage(room, connection, data);
      },
      close: () => {
        connection.closed = true;
        room.leave(connection);
        this.unloadIfIdle(room);
      },
    };
  }

  private room(name: string): Room | null {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const parsed = parseRoom(name);
    if (!parsed) return null;
    const room = Room.load(name, parsed.articleId, this.context);
    if (room) this.rooms.set(name, room);
    return room;
  }

  private unloadIfIdle(room: Room): void {
    if (room.empty && !this.held.has(room)) this.unload(room);
  }

  private unload(room: Room): void {
    clearTimeout(this.held.get(room));
    this.held.delete(room);
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
  }

  /**
   * Read a stored article's live document, loading its room if nobody has it
   * open. The room then stays loaded for a while even with nobody in it: the
   * editor's opening screen is read just before the same page's websocket
   * joins, and loading a long article twice would double the server's work.
   * DuetError('not_found') for an unknown article.
   */
  readArticle<T>(articleId: string, read: (doc: Y.Doc) => T, holdMs = READ_HOLD_MS): T {
    const room = this.room(articleRoom(articleId));
    if (!room) throw new DuetError('not_found', `no article with id "${articleId}"`);
    clearTimeout(this.held.get(room));
    const timer = setTimeout(() => {
      this.held.delete(room);
      this.unloadIfIdle(room);
    }, holdMs);
    timer.unref();
    this.held.set(room, timer);
    room.flushCommits();
    return read(room.doc);
  }

  /**
   * Change a stored article on the server's side, for an HTTP route that has
   * already checked the caller may (see Room.applyServerChange): everyone with
   * the article open sees it live. Loads the room for the change if nobody has
   * it open. DuetError('not_found') for an unknown article.
   */
  changeArticle(articleId: string, actor: ServerChange['actor'], change: (doc: Y.Doc, origin: ServerChange) => void): boolean {
    const name = articleRoom(articleId);
    const room = this.room(name);
    if (!room) throw new DuetError('not_found', `no article with id "${articleId}"`);
    try {
      return room.applyServerChange(actor, change);
    } finally {
      this.unloadIfIdle(room);
    }
  }

  /** The account names connected to an article's room now. */
  activeUsers(articleId: string): string[] {
    const room = this.rooms.get(articleRoom(articleId));
    return room ? [...new Set([...room.connections].filter((connection) => !connection.closed).map((connection) => connection.user.name))].sort() : [];
  }

  /** Rooms in memory now (for tests and the benchmark's memory figures). */
  get loadedRooms(): number {
    return this.rooms.size;
  }

  /**
   * Hold every connection to what its account is now (`connectionUser`:
   * null for one removed). A removed account's websockets close
   * with 4403, and one whose session ended (logged out elsewhere, expired:
   * `credentialLive`) with 4401; a changed role takes effect for the
   * next update, and a role that may no longer write is told so at once. Run
   * it whenever accounts may have changed: after a change in this process,
   * when the database changes from outside it (`duet user remove` against a
   * running server), and now and then for sessions that expire.
   */
  refreshUsers(accounts: AccountLookup): void {
    const users = new Map<string, ConnectionUser | null>();
    const credentials = new Map<string, boolean>();
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) {
        if (connection.closed) continue;
        const id = connection.user.id;
        if (!users.has(id)) users.set(id, accounts.connectionUser(id));
        const account = users.get(id)!;
        if (!account) {
          connection.close(CLOSE.FORBIDDEN, 'your account was removed');
          continue;
        }
        const credential = connection.credential;
        if (credential !== null) {
          if (!credentials.has(credential)) credentials.set(credential, accounts.credentialLive(credential));
          if (!credentials.get(credential)) {
            connection.close(CLOSE.UNAUTHENTICATED, 'your session ended: sign in again');
            continue;
          }
        }
        if (account.role === connection.user.role && account.name === connection.user.name) continue;
        const couldWrite = mayWriteArticle(connection.user.role);
        connection.user = { id, name: account.name, role: account.role };
        if (couldWrite && !mayWriteArticle(account.role)) room.deny(connection, DENIED.READ_ONLY);
      }
    }
  }

  /** Apply rows another process appended to the store for an article someone has open (see Room.pullStored). */
  pullStoredChanges(): void {
    for (const room of [...this.rooms.values()]) {
      try {
        room.pullStored();
      } catch (error) {
        this.log(`collab: could not read new rows of ${room.name}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Derive now what waits for a pause in typing, so a reader of history sees
   * every change accepted so far. An article nobody has open whose log runs
   * past what was derived (the server stopped in between) is loaded for it:
   * loading derives the rest (Room.load).
   */
  flushDerived(articleId: string): void {
    const name = articleRoom(articleId);
    const loaded = this.rooms.get(name);
    if (loaded) return loaded.flushDerived();
    const through = this.store.derivedThrough(articleId);
    if (Math.min(through.derived, through.textSettled) >= this.store.lastSeq(articleId)) return;
    const room = this.room(name);
    if (room) this.unloadIfIdle(room);
  }

  /** At start: derive what the log holds beyond what was derived before the server stopped (kill -9, a power cut, the CLI). */
  deriveBacklog(): void {
    for (const articleId of this.store.underived()) {
      try {
        this.flushDerived(articleId);
      } catch (error) {
        this.log(`collab: could not derive the backlog of ${articleId}: ${(error as Error).message}`);
      }
    }
  }

  /** Close every connection opened with this session or token, at once (it was logged out). */
  endCredential(credential: string, reason: string): void {
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) if (connection.credential === credential) connection.close(CLOSE.UNAUTHENTICATED, reason);
    }
  }

  /** Close every connection and unload every room; every accepted update is already stored. */
  shutdown(): void {
    for (const room of [...this.rooms.values()]) {
      room.closeAll(CLOSE.SERVER_SHUTDOWN, 'the server is shutting down');
      this.unload(room);
    }
  }
}
