import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { openPglite, type Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';

/**
 * The production build served by the real server on PGlite, behind a small proxy on a fixed
 * port. The browser only sees the proxy, so the server can stop and start again (and a push
 * can be cut after the server stored it) while the app keeps one origin.
 */
export interface Stack {
  origin: string;
  db: Database;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** The next push reaches the server, which stores it, but its answer never reaches the app. */
  cutNextPushAfterServerStored(): void;
  /** How many push requests the proxy saw, and how many it cut. */
  pushes: { seen: number; cut: number };
  close(): Promise<void>;
}

/** `dataDir`: a PGlite folder already made (by the admin command, say); in memory when absent. */
export async function startStack(distDir = resolve('dist'), dataDir?: string): Promise<Stack> {
  const db = await openPglite(dataDir);
  await migrate(db);
  let server: FastifyInstance | null = null;
  let upstreamPort = 0;
  let cutNext = false;
  const pushes = { seen: 0, cut: 0 };
  const sockets = new Set<Socket>();

  const proxy = http.createServer((request, response) => {
    if (!server) {
      request.socket.destroy();
      return;
    }
    const isPush = request.url === '/api/sync/push';
    if (isPush) pushes.seen += 1;
    const cut = isPush && cutNext;
    if (cut) cutNext = false;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        if (cut) {
          pushes.cut += 1;
          answer.resume();
          answer.on('end', () => request.socket.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const startServer = async () => {
    server = await buildServer({ db, distDir });
    await server.listen({ port: upstreamPort, host: '127.0.0.1' });
    upstreamPort = (server.server.address() as AddressInfo).port;
  };
  const stopServer = async () => {
    const stopping = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    await stopping?.close();
  };

  await startServer();
  return {
    origin,
    db,
    startServer,
    stopServer,
    cutNextPushAfterServerStored: () => {
      cutNext = true;
    },
    pushes,
    async close() {
      await stopServer();
      proxy.close();
      await db.close();
    },
  };
}
