import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type onRouteHookHandler } from 'fastify';
import type { Database } from './db/database';
import fastifyCompress from '@fastify/compress';
import { sendError } from './routes/errors';
import { noStoreByDefault } from './cacheHeaders';
import { loggerOptions } from './logging';
import { DEFAULT_RATE_LIMITS, rateGuards, registerRateLimits, type RateLimits } from './rateLimits';
import { routeTables } from './routes/index';
import { InvalidRequest, registerRoutes } from './routes/table';
import { compressOptions, secureHeaders, serveApp } from './static';

export interface ServerOptions {
  db: Database;
  /** Serve the built app from this folder (production); API only when absent. */
  distDir?: string;
  logLevel?: string;
  /** Where the log goes (standard output when absent); tests read it. */
  logStream?: Writable;
  /** Attempts allowed on the guarded routes (sign-in, join codes, devices, pushes…). */
  limits?: Partial<RateLimits>;
  /** Rate-limit counters in Redis instead of the database (both are shared by every instance). */
  redisUrl?: string;
  /** Which proxies' X-Forwarded-For to believe (Fastify's `trustProxy`); none by default. */
  trustProxy?: boolean | number | string;
  /** brotli / gzip answers (on by default; the first-visit bench turns it off to compare). */
  compress?: boolean;
  /** Told of every route as it is added (Fastify's onRoute hook): the OpenAPI test lists them. */
  onRoute?: onRouteHookHandler;
}

/** The whole server: API routes, typed errors, and in production the built app on the same port. */
export async function buildServer({
  db,
  distDir,
  logLevel = 'silent',
  compress = true,
  logStream,
  limits,
  redisUrl,
  trustProxy = false,
  onRoute,
}: ServerOptions) {
  const app: FastifyInstance = Fastify({
    logger: loggerOptions(logLevel, logStream),
    bodyLimit: 256 * 1024,
    // A stopping server still answers what reaches it on open connections (see main.ts).
    return503OnClosing: false,
    // A hop count believes that many proxies nearest to us (Fastify takes it as a function).
    trustProxy:
      typeof trustProxy === 'number'
        ? (_address: string, hop: number) => hop < trustProxy
        : trustProxy,
  });

  if (onRoute) app.addHook('onRoute', onRoute);
  secureHeaders(app);
  noStoreByDefault(app);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 'payload_too_large', 'The body is larger than this route accepts');
    }
    if (error instanceof InvalidRequest) {
      return sendError(reply, 'invalid_body', error.message, { issues: error.issues });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendError(reply, 'rate_limited', 'Too many attempts: wait a minute, then try again');
    }
    if (status >= 400 && status < 500) {
      // Unparseable JSON, wrong content type, and the like: the body is refused, nothing stored.
      return sendError(reply, 'invalid_body', error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 'server_error', 'Something went wrong on the server');
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (distDir && wantsPage) {
      // Deep links (/courses/…) are the app's own routes: answer with its shell.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 'not_found', `No route ${request.method} ${request.url}`);
  });

  // API answers compressed on the fly (brotli, else gzip); the app's files were compressed at
  // build time and are sent as they are.
  if (compress) await app.register(fastifyCompress, compressOptions);

  // Limits apply only to the routes that ask for them, counted where every instance sees them.
  await registerRateLimits(app, db, redisUrl);
  const guards = rateGuards(app, db, { ...DEFAULT_RATE_LIMITS, ...limits });

  for (const table of await routeTables(app, db, guards)) registerRoutes(app, db, table);
  if (distDir) await serveApp(app, distDir, compress);
  return app;
}
