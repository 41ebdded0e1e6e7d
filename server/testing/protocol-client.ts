/**
 * Test and benchmark clients that speak to Duet exactly as the browser will:
 * y-websocket's WebsocketProvider, authenticated with an API token, plus the
 * SAVED handler that tells what the server has committed.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { articleRoom, COLLAB_PATH, MESSAGE } from '../../shared/protocol/collab';

/** A ws WebSocket class that sends `Authorization: Bearer <token>` (or the given headers: a browser's session cookie) on the upgrade. */
export function authenticatedWebSocket(token: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as typeof WebSocket;
}

export interface ClientOptions {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  articleId: string;
  token: string;
  /** Connect as a browser does, with this Cookie header instead of the token. */
  cookie?: string;
  doc?: Y.Doc;
  connect?: boolean;
}

export class ProtocolClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The stored clocks the server's SAVED messages have told, by client id (each tells those its update carried). */
  saved: Map<number, number> = new Map();
  /** How many SAVED messages have arrived. */
  savedMessages = 0;
  readonly denials: string[] = [];
  readonly closes: { code: number; reason: string }[] = [];

  constructor(options: ClientOptions) {
    this.doc = options.doc ?? new Y.Doc();
    const serverUrl = `${options.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`;
    this.provider = new WebsocketProvider(serverUrl, articleRoom(options.articleId), this.doc, {
      WebSocketPolyfill: authenticatedWebSocket(
        options.token,
        options.cookie ? { cookie: options.cookie } : undefined,
      ) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: options.connect ?? true,
      maxBackoffTime: 300,
    });
    this.provider.messageHandlers[MESSAGE.SAVED] = (_encoder, decoder) => {
      this.saved = new Map([...this.saved, ...Y.decodeStateVector(decoding.readVarUint8Array(decoder))]);
      this.savedMessages++;
    };
    this.provider.messageHandlers[MESSAGE.AUTH] = (_encoder, decoder) => {
      decoding.readVarUint(decoder); // permission-denied sub-type
      this.denials.push(decoding.readVarString(decoder));
    };
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  /** Has the server said it stored everything this client wrote? */
  get allSaved(): boolean {
    const mine = Y.decodeStateVector(Y.encodeStateVector(this.doc)).get(this.doc.clientID) ?? 0;
    return (this.saved.get(this.doc.clientID) ?? 0) >= mine;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Poll until `check` holds (or throw after `timeoutMs`): tests wait for events, never for fixed times. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The same for a check that must ask (an HTTP answer, say). */
export async function waitForAsync(check: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a pool needs of a test server: where it is and each role's API token. */
export interface ClientPoolServer {
  baseUrl: string;
  accounts: Record<string, { token: string }>;
}

/**
 * Protocol clients for one test server, each signed in as a role, destroyed
 * together (in afterEach or afterAll). `server` is read when connecting, so a
 * pool can be made before beforeAll has started the server.
 */
export class ClientPool {
  readonly clients: ProtocolClient[] = [];

  constructor(private readonly server: () => ClientPoolServer) {}

  /** Connect as `role` and wait until `ready` (by default: synced). */
  async connect(role: string, articleId: string, ready: (client: ProtocolClient) => boolean = (client) => client.synced): Promise<ProtocolClient> {
    const { baseUrl, accounts } = this.server();
    const client = new ProtocolClient({ baseUrl, articleId, token: accounts[role]!.token });
    this.clients.push(client);
    await waitFor(() => ready(client), 10_000, `${role} to sync`);
    return client;
  }

  destroyAll(): void {
    for (const client of this.clients.splice(0)) client.destroy();
  }
}

/** A bare ws client in `articleId`'s room as `role`, open; for tests that speak the protocol byte by byte. */
export function rawSocket(server: ClientPoolServer, articleId: string, role: string): Promise<WebSocket> {
  const ws = new WebSocket(`${server.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/${articleRoom(articleId)}`, {
    headers: { authorization: `Bearer ${server.accounts[role]!.token}` },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
