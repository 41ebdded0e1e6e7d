/**
 * The composition root: configuration → store → HTTP. Nothing else lives here.
 */
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataFolder } from './store/data-dir';
import { api } from './http/api';
import { staticFiles } from './http/static-files';

export const DEFAULT_PORT = 8787;
const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');

export interface ServerOptions {
  dataDir: string;
  port?: number;
  host?: string;
  clientDir?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const folder = openDataFolder(options.dataDir);
  const handleApi = api(folder.articles, log);
  const handleStatic = staticFiles(options.clientDir ?? CLIENT_DIR);
  const server = createServer((req, res) => {
    if ((req.url ?? '/').startsWith('/api/')) handleApi(req, res);
    else handleStatic(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  return {
    server,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      folder.close();
    },
  };
}

/** Run until SIGINT or SIGTERM, then stop accepting, finish, and close the store. */
export async function runServer(options: ServerOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  const running = await startServer(options);
  log(`Duet is running at http://${options.host ?? '127.0.0.1'}:${running.port} (data: ${options.dataDir})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log(`${signal}: shutting down`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
