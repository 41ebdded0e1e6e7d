/**
 * One client's connection to one room, over whatever carries bytes: the
 * collaboration core depends only on this small Socket interface, so rooms
 * can be tested without a network and know nothing of HTTP.
 */
import type { Role } from '../../shared/protocol/roles';
import { CLOSE, type CloseCode } from '../../shared/protocol/collab';
import type { CollabLimits } from './limits';

export interface Socket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent (ws's bufferedAmount). */
  readonly bufferedAmount: number;
}

export interface ConnectionUser {
  id: string;
  name: string;
  role: Role;
}

/** A token bucket: `rate` messages a second on average, `burst` at once. */
class RateLimiter {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class Connection {
  /** Awareness client ids this connection announced, removed from the room when it leaves. */
  readonly awarenessClients = new Set<number>();
  refusals = 0;
  closed = false;
  private readonly limiter: RateLimiter;

  constructor(
    readonly socket: Socket,
    /** Who is connected, as the accounts say now: CollabServer.refreshUsers replaces it when the account's role changes. */
    public user: ConnectionUser,
    private readonly limits: CollabLimits,
    private readonly log: (line: string) => void,
    readonly label: string,
    /** The session or API token the connection opened with (opaque; null when the transport has none): when it ends, so does the connection. */
    readonly credential: string | null = null,
  ) {
    this.limiter = new RateLimiter(limits.messagesPerSecond, limits.messageBurst);
  }

  /** Count one incoming message against the rate limit; false when the connection has been closed for it. */
  admit(size: number): boolean {
    if (this.closed) return false;
    if (size > this.limits.maxMessageBytes) {
      this.close(CLOSE.MESSAGE_TOO_LARGE, `message of ${size} bytes exceeds ${this.limits.maxMessageBytes}`);
      return false;
    }
    if (!this.limiter.take()) {
      this.close(CLOSE.RATE_LIMITED, `more than ${this.limits.messagesPerSecond} messages a second`);
      return false;
    }
    return true;
  }

  send(data: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE.SLOW_CONSUMER, `more than ${this.limits.maxBufferedBytes} bytes waiting to be sent`);
      return;
    }
    try {
      this.socket.send(data);
    } catch (error) {
      this.close(CLOSE.SERVER_ERROR, `send failed: ${(error as Error).message}`);
    }
  }

  close(code: CloseCode, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (code !== CLOSE.SERVER_SHUTDOWN) this.log(`collab: closed ${this.label} (${code}): ${reason}`);
    try {
      // The reason travels in the close frame, which allows 123 bytes.
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      // the socket is already gone
    }
  }
}
