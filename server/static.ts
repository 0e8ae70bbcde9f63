import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyCompressOptions } from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * No inline scripts or styles anywhere: the app is built so that this policy holds.
 * `data:` images are the SVG illustrations inlined in content packs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built app from `distDir`: content-hashed files are cached for a year; everything
 * else (index.html, sw.js, the manifests) is revalidated on every load, so updates are seen.
 * With `preCompressed`, the `.br` / `.gz` copies made at build time are sent to browsers that
 * accept them (`npm run build` writes them; see scripts/precompress.ts).
 */
export async function serveApp(
  app: FastifyInstance,
  distDir: string,
  preCompressed = true,
): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`No built app in ${root}: run "npm run build" first`);
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    preCompressed,
    setHeaders(res, path) {
      const url = path.slice(root.length);
      const immutable = url.startsWith('/assets/') || url.startsWith('/content/packs/');
      res.setHeader(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      // One address, several encodings: caches must keep them apart.
      if (preCompressed) res.setHeader('vary', 'accept-encoding');
    },
  });
}

/** Security headers for every answer. */
export function secureHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
  });
}

/**
 * @fastify/compress for what is made per request (API JSON, the verify page): brotli, else
 * gzip, above 1 KB. Registered before the static files, whose build-time copies it leaves be.
 */
export const compressOptions: FastifyCompressOptions = {
  global: true,
  encodings: ['br', 'gzip'],
  threshold: 1024,
};
