/**
 * The collaboration server's limits: named, documented (docs/COLLABORATION.md)
 * and overridable per server, so tests can make them small.
 */
export interface CollabLimits {
  /** Largest single websocket message. A full sync of a 2,000-segment article is about 1 MB. */
  maxMessageBytes: number;
  /** Largest document, measured as the bytes of its stored update log. */
  maxDocumentBytes: number;
  /** Sustained messages per second per connection (a token bucket)... */
  messagesPerSecond: number;
  /** ...and the burst it allows. Typing plus cursor updates stay far below both. */
  messageBurst: number;
  maxConnectionsPerRoom: number;
  /** A connection whose unsent data exceeds this is too slow to keep up, and is closed. */
  maxBufferedBytes: number;
  /** Compact an article's update log into one snapshot once it holds this many updates. */
  compactAfterUpdates: number;
  /** Updates refused from one connection before it is closed as FORBIDDEN. */
  maxRefusals: number;
  /** Ping interval; a connection that misses a pong is dropped. */
  pingIntervalMs: number;
  /** A segment's text becomes a history version after its author pauses this long (derivation.ts)... */
  textSettleMs: number;
  /** ...or this long after the first change of the version, without a pause. */
  textMaxWaitMs: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1000,
  maxConnectionsPerRoom: 500,
  maxBufferedBytes: 16 * 1024 * 1024,
  compactAfterUpdates: 500,
  maxRefusals: 20,
  pingIntervalMs: 30_000,
  textSettleMs: 2000,
  textMaxWaitMs: 30_000,
};
