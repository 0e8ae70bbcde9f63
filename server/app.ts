import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/database';
import fastifyCompress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import { attestationRoutes } from './routes/attestations';
import { authRoutes } from './routes/auth';
import { certificateRoutes } from './routes/certificates';
import { deviceRoutes } from './routes/devices';
import { organisationRoutes } from './routes/organisations';
import { placeRoutes } from './routes/places';
import { sendError } from './routes/errors';
import { healthRoutes } from './routes/health';
import { syncRoutes } from './routes/sync';
import { visitRoutes } from './routes/visits';
import { compressOptions, secureHeaders, serveApp } from './static';

export interface ServerOptions {
  db: Database;
  /** Serve the built app from this folder (production); API only when absent. */
  distDir?: string;
  logLevel?: string;
  /** Sign-in, refresh and join-code attempts per minute and address (brute-force guard). */
  attemptsPerMinute?: number;
  /** brotli / gzip answers (on by default; the first-visit bench turns it off to compare). */
  compress?: boolean;
}

/** The whole server: API routes, typed errors, and in production the built app on the same port. */
export async function buildServer({
  db,
  distDir,
  logLevel = 'silent',
  attemptsPerMinute = 10,
  compress = true,
}: ServerOptions) {
  const app: FastifyInstance = Fastify({
    logger:
      logLevel === 'silent'
        ? false
        : {
            level: logLevel,
            // Requests are logged without query strings, headers or bodies: they may carry
            // personal data or tokens.
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                url: req.url.split('?')[0],
              }),
            },
          },
    bodyLimit: 256 * 1024,
  });

  secureHeaders(app);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 'payload_too_large', 'The body is larger than this route accepts');
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
  // build time and are sent as they are. Request bodies are never decompressed.
  if (compress) await app.register(fastifyCompress, compressOptions);

  // Limits apply only to the routes that ask for them (sign-in, join codes).
  await app.register(rateLimit, { global: false });

  healthRoutes(app, db);
  deviceRoutes(app, db);
  syncRoutes(app, db);
  authRoutes(app, db, attemptsPerMinute);
  organisationRoutes(app, db, attemptsPerMinute);
  placeRoutes(app, db);
  await certificateRoutes(app, db);
  attestationRoutes(app, db);
  visitRoutes(app, db);
  if (distDir) await serveApp(app, distDir, compress);
  return app;
}
