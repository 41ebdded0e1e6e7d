/**
 * The websocket door: authenticate the HTTP upgrade, refuse it outright
 * (before any document data) when that fails, then hand the socket to the
 * collaboration core. The only file that knows both HTTP and rooms.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_PATH } from '../../shared/protocol/collab';
import type { CollabServer } from '../collab/collab-server';
import type { ConnectionUser } from '../collab/connection';

export type UpgradeAuth = { ok: true; user: ConnectionUser; credential: string } | { ok: false; status: 401 | 403; message: string };

export function attachCollab(
  server: Server,
  collab: CollabServer,
  authenticate: (req: IncomingMessage) => UpgradeAuth,
  log: (line: string) => void,
): { close(): void } {
  // Slightly above the limit, so a message just over it is closed with our own
  // MESSAGE_TOO_LARGE code; far larger ones are cut off by ws itself (1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: collab.limits.maxMessageBytes + 64 * 1024 });
  const alive = new WeakMap<WebSocket, boolean>();

  const refuse = (socket: Duplex, status: number, message: string) => {
    const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Bad Request';
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    let roomName: string;
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (!path.startsWith(`${COLLAB_PATH}/`)) return refuse(socket, 404, 'no websocket here');
      roomName = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
    } catch {
      return refuse(socket, 400, 'malformed URL');
    }
    const auth = authenticate(req);
    if (!auth.ok) return refuse(socket, auth.status, auth.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      const handlers = collab.connect(ws, roomName, auth.user, auth.credential);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('message', (data, isBinary) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        // y-websocket speaks binary frames only; a text frame is as malformed as garbage bytes.
        handlers.message(isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array([0xff]));
      });
      ws.on('close', () => handlers.close());
      ws.on('error', (error) => log(`collab: socket error for ${auth.user.name}@${roomName}: ${error.message}`));
    });
  });

  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, collab.limits.pingIntervalMs);
  ping.unref();

  return {
    close() {
      clearInterval(ping);
      collab.shutdown();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
