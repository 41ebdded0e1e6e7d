/**
 * The websocket to an article's room: Duet's own provider on y-protocols.
 * It syncs the document (sync step 1, step 2, updates), carries presence
 * (awareness), hears the server's refusals (auth) and SAVED, and reconnects
 * with back-off until the server says reconnecting cannot help (4400–4499).
 *
 * Why not y-websocket's WebsocketProvider (Duet's server speaks its protocol,
 * and the tests and benchmarks use it): three things Duet needs are outside
 * its public API, and getting them meant patching its private fields.
 *
 * - Sends after the frame, merged. It encodes and sends every local update
 *   synchronously inside the Yjs transaction, about 0.75 ms of a keystroke
 *   before the browser can show the character (`npm run bench:editor --
 *   --profile`); here updates wait for the next frame (update-batch.ts), and
 *   collaborators see them one frame later.
 * - No sends of the device copy before the server's step 1 is answered: the
 *   answer (everything the server lacks) carries them. It sends every update,
 *   so each open sent the whole stored article back (1.9 MB at 2,000
 *   segments). And the page's first answer may be an empty update
 *   (first-answer.ts).
 * - Updates from the server reach the document's update subscribers as the
 *   bytes that arrived, not encoded again (update-feed.ts).
 *
 * Other tabs of the same browser are not joined over a BroadcastChannel, as
 * y-websocket's provider does: each tab has its own connection to the server,
 * and offline each tab's work is in the device copy, which every tab reads
 * when it opens (and when it compacts), and reaches the server when it is
 * back.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { readAuthMessage } from 'y-protocols/auth';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { MESSAGE } from '../../shared/protocol/collab';
import { firstAnswerToServer } from './first-answer';
import { updateBatch } from './update-batch';
import type { UpdateFeed } from './update-feed';

/** No message for this long (not even the server's echo of our presence, renewed every 15 s): the connection is dead. */
const SILENT_CONNECTION_MS = 30_000;
const FIRST_RETRY_MS = 100;

export interface ProviderHooks {
  /** The connection opened, closed or synced. */
  changed(): void;
  /** A sync message from the server is about to be applied. */
  beforeServerChange(): void;
  /** The server stored these clocks (a state vector of only the client ids its update carried). */
  saved(stored: Map<number, number>): void;
  /** The server refused something, and why. */
  denied(reason: string): void;
  /** The server closed the connection (not called when this page closed it). */
  closed(event: { code: number; reason: string }): void;
}

export interface ProviderOptions {
  /** The room's websocket address: ws(s)://host/collab/article/<id>. */
  url: string;
  doc: Y.Doc;
  feed: UpdateFeed;
  /** The origin of updates read from the device copy: not sent before the server's step 1 is answered. */
  copyOrigin: unknown;
  maxBackoffMs: number;
  hooks?: Partial<ProviderHooks>;
  /** Node has no WebSocket of its own before version 22: tests pass ws's. */
  WebSocket?: typeof WebSocket;
}

export class CollabProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The socket is open. */
  connected = false;
  /** The server's answer to this connection's step 1 has been applied. */
  synced = false;
  /** Connections that closed or failed since the last that synced. */
  failedAttempts = 0;
  /** The server's step 1 has been answered on this connection: updates read from the device copy are sent from now on. */
  answered = false;
  private ws: WebSocket | null = null;
  private shouldConnect = false;
  private lastMessageAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly hooks: Partial<ProviderHooks>;
  private readonly firstAnswer: ReturnType<typeof firstAnswerToServer>;
  private readonly sends = updateBatch((update) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.SYNC);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder)); // offline: the next connection's sync carries it
  });
  private readonly unsubscribe: () => void;

  constructor(private readonly options: ProviderOptions) {
    this.doc = options.doc;
    this.hooks = options.hooks ?? {};
    this.awareness = new Awareness(this.doc);
    this.firstAnswer = firstAnswerToServer(this.doc, this);
    this.unsubscribe = options.feed.subscribe((update, origin) => {
      if (origin === this) return; // came from the server
      if (origin === options.copyOrigin && !this.answered) return; // the answer to the server's step 1 will carry it
      this.sends.add(update);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.watchdog = setInterval(() => {
      if (this.ws && this.connected && Date.now() - this.lastMessageAt > SILENT_CONNECTION_MS) this.drop(this.ws, null);
    }, SILENT_CONNECTION_MS / 10);
  }

  /** Connect, and reconnect after a close, until destroyed or told that reconnecting cannot help. */
  connect(): void {
    this.shouldConnect = true;
    this.open();
  }

  /** Send the pending local changes now (the page is being hidden). */
  flush(): void {
    this.sends.flush();
  }

  destroy(): void {
    this.flush();
    this.shouldConnect = false;
    this.unsubscribe();
    clearInterval(this.watchdog);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    // Tell the others at once that this page left, rather than when the server notices the close.
    this.send(this.awarenessMessage([this.doc.clientID], new Map()));
    if (this.ws) this.drop(this.ws, null);
  }

  private open(): void {
    this.retryTimer = null;
    if (!this.shouldConnect || this.ws) return;
    const ws = new (this.options.WebSocket ?? WebSocket)(this.options.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.answered = false;
    ws.onopen = () => {
      this.connected = true;
      this.lastMessageAt = Date.now();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      ws.send(encoding.toUint8Array(encoder));
      if (this.awareness.getLocalState() !== null) ws.send(this.awarenessMessage([this.doc.clientID]));
      this.hooks.changed?.();
    };
    ws.onmessage = (event: MessageEvent) => {
      this.lastMessageAt = Date.now();
      const reply = this.receive(new Uint8Array(event.data as ArrayBuffer));
      if (reply && this.ws === ws) ws.send(reply);
    };
    ws.onerror = () => {}; // a close follows
    ws.onclose = (event) => this.drop(ws, event);
  }

  /** Forget `ws` (closed by the server, `event`, or by this page) and reconnect unless that cannot help. */
  private drop(ws: WebSocket, event: CloseEvent | null): void {
    if (ws !== this.ws) return;
    this.ws = null;
    ws.onopen = ws.onmessage = ws.onclose = null;
    ws.close();
    const wasConnected = this.connected;
    this.connected = false;
    this.synced = false;
    this.failedAttempts++; // also a server that accepts the connection and then closes it is backed off
    const others = [...this.awareness.getStates().keys()].filter((client) => client !== this.doc.clientID);
    if (wasConnected) removeAwarenessStates(this.awareness, others, this);
    const fatal = event !== null && event.code >= 4400 && event.code < 4500;
    if (fatal) this.shouldConnect = false;
    if (event) this.hooks.closed?.({ code: event.code, reason: event.reason });
    this.hooks.changed?.();
    if (this.shouldConnect) {
      this.retryTimer = setTimeout(() => this.open(), Math.min(FIRST_RETRY_MS * 2 ** this.failedAttempts, this.options.maxBackoffMs));
    }
  }

  /** Handle one message from the server; returns the reply to send, if any. */
  private receive(message: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(message);
    const encoder = encoding.createEncoder();
    switch (decoding.readVarUint(decoder)) {
      case MESSAGE.SYNC:
        this.hooks.beforeServerChange?.();
        this.receiveSync(decoder, encoder);
        break;
      case MESSAGE.AWARENESS:
        applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
        break;
      case MESSAGE.AUTH:
        readAuthMessage(decoder, this.doc, (_doc, reason) => this.hooks.denied?.(reason));
        break;
      case MESSAGE.SAVED:
        this.hooks.saved?.(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
        break;
      default:
        break; // nothing else comes from Duet's server
    }
    return encoding.length(encoder) > 0 ? encoding.toUint8Array(encoder) : null;
  }

  private receiveSync(decoder: decoding.Decoder, encoder: encoding.Encoder): void {
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      if (!this.firstAnswer.answer(encoder, decoder)) {
        encoding.writeVarUint(encoder, MESSAGE.SYNC);
        syncProtocol.readSyncStep1(decoder, encoder, this.doc); // the answer holds everything in the document by now
      }
      this.answered = true;
      return;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoding.clone(decoder));
    this.options.feed.applying(update, this, () => syncProtocol.readUpdate(decoder, this.doc, this));
    if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      this.failedAttempts = 0; // a connection that synced did useful work
      this.hooks.changed?.();
    }
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === this) return; // what the server told, or the others removed on a close
    this.send(this.awarenessMessage([...added, ...updated, ...removed]));
  };

  private awarenessMessage(clients: number[], states?: Map<number, unknown>): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, clients, states as Map<number, Record<string, unknown>> | undefined));
    return encoding.toUint8Array(encoder);
  }

  private send(message: Uint8Array): void {
    if (this.ws && this.connected && this.ws.readyState === this.ws.OPEN) this.ws.send(message);
  }
}
