/**
 * The registry of rooms. Rooms load when their first client arrives (before
 * that client is answered) and unload when their last client leaves, so memory
 * follows the articles being worked on, not the articles stored.
 */
import type * as Y from 'yjs';
import { articleRoom, CLOSE, parseRoom } from '../../shared/protocol/collab';
import { DuetError } from '../../shared/protocol/errors';
import type { ArticleStore } from '../store/article-store';
import { Connection, type ConnectionUser, type Socket } from './connection';
import { DEFAULT_LIMITS, type CollabLimits } from './limits';
import { handleMessage } from './message-switch';
import { Room, type AcceptedListener, type ServerChange } from './room';

export interface ConnectionHandlers {
  message(data: Uint8Array): void;
  close(): void;
}

/** How long a room loaded for a read stays loaded with nobody in it. */
const READ_HOLD_MS = 10_000;

export class CollabServer {
  private readonly rooms = new Map<string, Room>();
  /** Rooms kept loaded for a while after a read (see readArticle), by their unload timers. */
  private readonly held = new Map<Room, ReturnType<typeof setTimeout>>();
  private readonly listeners: AcceptedListener[] = [];
  readonly limits: CollabLimits;

  constructor(
    private readonly store: ArticleStore,
    limits: Partial<CollabLimits> = {},
    private readonly log: (line: string) => void = () => {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Be told of every change any room accepts (history, notifications); returns a function that stops it. */
  onAccepted(listener: AcceptedListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Attach an authenticated socket to a room; the transport feeds it messages and its close. */
  connect(socket: Socket, roomName: string, user: ConnectionUser): ConnectionHandlers {
    const connection = new Connection(socket, user, this.limits, this.log, `${user.name}@${roomName}`);
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
    const room = Room.load(name, parsed.articleId, this.store, this.limits, this.log, this.listeners);
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

  /** Close every connection of a user (their account was removed). */
  disconnectUser(userId: string, code: (typeof CLOSE)[keyof typeof CLOSE], reason: string): void {
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) if (connection.user.id === userId) connection.close(code, reason);
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
