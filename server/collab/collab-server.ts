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

export class CollabServer {
  private readonly rooms = new Map<string, Room>();
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
        if (room.empty) this.unload(room);
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

  private unload(room: Room): void {
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
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
      if (room.empty) this.unload(room);
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
