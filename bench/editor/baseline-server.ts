/**
 * Serves the baseline page on 127.0.0.1: the bundle built by build.ts, the
 * article's text as /data.json (everything `no-store`, like the research
 * note's pages), a websocket at /remote through which the benchmark sends
 * the remote edits the page applies, and /floor.html: the machine's floor, one
 * bare contenteditable with one paragraph and no script (design F of the note). Its work is a few files and 20 small
 * messages a second, so it runs in the benchmark's own process.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { WebSocketServer, WebSocket } from 'ws';
import type { BenchTexts } from './article';

const FLOOR_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Editor benchmark floor: a bare contenteditable</title></head>
  <body>
    <div data-testid="target-editor" contenteditable="true" style="white-space: pre-wrap; line-height: 1.6; padding: 10px 16px">
      <p>A bare contenteditable with one paragraph: what typing costs on this machine without any editor framework.</p>
    </div>
  </body>
</html>
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface BaselineServer {
  baseUrl: string;
  /** Which article /data.json serves. */
  setTexts(texts: BenchTexts): void;
  /** Pages connected to /remote. */
  readonly clients: number;
  /** Send one remote edit (append `text` to paragraph `index`) to every connected page; returns how many got it. */
  send(edit: { index: number; text: string }): number;
  close(): Promise<void>;
}

export async function startBaselineServer(root: string): Promise<BaselineServer> {
  let data = '{"sources":[],"targets":[]}';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      res.setHeader('cache-control', 'no-store');
      if (path === '/floor.html') {
        res.setHeader('content-type', TYPES['.html']!);
        res.end(FLOOR_PAGE);
        return;
      }
      if (path === '/data.json') {
        res.setHeader('content-type', TYPES['.json']!);
        res.end(data);
        return;
      }
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root)) {
        res.statusCode = 403;
        res.end();
        return;
      }
      try {
        const body = await readFile(file);
        res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(body);
      } catch {
        res.statusCode = 404;
        res.end('not found');
      }
    })();
  });
  const sockets = new WebSocketServer({ server, path: '/remote' });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('baseline server has no address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    setTexts(texts) {
      data = JSON.stringify({ sources: texts.sources, targets: texts.targets });
    },
    get clients() {
      return [...sockets.clients].filter((socket) => socket.readyState === WebSocket.OPEN).length;
    },
    send(edit) {
      const message = JSON.stringify(edit);
      let sent = 0;
      for (const socket of sockets.clients) {
        if (socket.readyState !== WebSocket.OPEN) continue;
        socket.send(message);
        sent++;
      }
      return sent;
    },
    close() {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
