/**
 * The websocket contract: where rooms live, the message types on the wire,
 * and the close codes the server uses. It is y-websocket's protocol: its
 * WebsocketProvider works unchanged, with `serverUrl = <origin>/collab` and
 * `roomname = articleRoom(id)`, plus a handler for MESSAGE_SAVED (the tests'
 * and benchmarks' clients); the browser uses Duet's own provider on
 * y-protocols (client/collab/collab-provider.ts).
 */

/** Websocket path prefix: a room is at `/collab/<room name>`. */
export const COLLAB_PATH = '/collab';

/** The room holding an article's Y.Doc (docs/ARTICLE-FORMAT.md). */
export const articleRoom = (articleId: string): string => `article/${articleId}`;

/** Parse a room name; null for anything that is not a known room. */
export function parseRoom(name: string): { kind: 'article'; articleId: string } | null {
  const match = /^article\/([0-9a-z]{1,64})$/.exec(name);
  return match ? { kind: 'article', articleId: match[1]! } : null;
}

/** First varUint of every message. 0–3 are y-websocket's own; Duet adds SAVED. */
export const MESSAGE = {
  SYNC: 0,
  AWARENESS: 1,
  /** y-protocols auth: the server says "permission denied" with a reason (a read-only connection's edit was refused). */
  AUTH: 2,
  QUERY_AWARENESS: 3,
  /**
   * Server → client, after an update from this client is committed to the store
   * (on the disk: fsynced): varUint8Array(a state vector of only the client ids
   * that update carried, each with its stored clock). A client whose own clock
   * is covered by it knows everything it typed is saved; one that does not
   * name the client's id says nothing about it.
   */
  SAVED: 100,
} as const;

/**
 * Close codes. As the providers (y-websocket's and Duet's) read them:
 * 4400–4499 mean "reconnecting cannot help" (the provider stops), anything
 * else is transient (the provider reconnects with back-off). 1001 is a normal
 * server shutdown.
 */
export const CLOSE = {
  SERVER_SHUTDOWN: 1001,
  /** The server failed (for example, the store refused a write); reconnecting retries. */
  SERVER_ERROR: 1011,
  /** Not a y-websocket message: garbage bytes, a truncated varint, an unknown message type, an invalid Yjs update. */
  MALFORMED_MESSAGE: 4400,
  /** The session or token stopped being valid while connected. */
  UNAUTHENTICATED: 4401,
  /** The account was removed or lost access while connected. */
  FORBIDDEN: 4403,
  /** The room names no article (or the article was deleted). */
  ROOM_NOT_FOUND: 4404,
  /** One message over MAX_MESSAGE_BYTES. */
  MESSAGE_TOO_LARGE: 4413,
  /** Accepting the update would grow the document past MAX_DOCUMENT_BYTES. */
  DOCUMENT_TOO_LARGE: 4422,
  /** The room already has MAX_CONNECTIONS_PER_ROOM connections. */
  ROOM_FULL: 4503,
  /** The client reads more slowly than the room writes; reconnecting resynchronises it. */
  SLOW_CONSUMER: 4508,
  /** The client's update depends on changes the server never received: reconnect to resynchronise. */
  OUT_OF_SYNC: 4509,
  /** More than the per-connection message rate. */
  RATE_LIMITED: 4529,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Reasons sent with MESSAGE.AUTH permission-denied messages. */
export const DENIED = {
  READ_ONLY: 'read-only: your role may not change this article',
  FORBIDDEN_CHANGE: 'refused: your role may not make this change',
  INVALID_CONTENT: 'refused: the change is not valid article content',
} as const;
