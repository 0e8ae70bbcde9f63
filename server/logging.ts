import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

/**
 * An error as the log keeps it: its kind, code and stack frames. Database errors carry the
 * statement's parameters (PGlite's `params`, a password hash among them), and their message or
 * `detail` may quote a value (`invalid input syntax for type uuid: "…"`), so for them only the
 * SQLSTATE code and where it was raised are kept.
 */
export function safeError(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const { code, severity, routine } = error as Error & {
    code?: unknown;
    severity?: unknown;
    routine?: unknown;
  };
  const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
  const fromDatabase = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  if (fromDatabase) {
    const message = `database error ${code}`;
    return { type: 'DatabaseError', message, code, severity, routine, stack: frames };
  }
  return { type: error.name, message: error.message, code, stack: frames };
}

/**
 * Fastify's logger: requests without query strings, headers or bodies (they may carry personal
 * data or tokens), errors through `safeError`.
 */
export function loggerOptions(logLevel: string, stream?: Writable): FastifyServerOptions['logger'] {
  if (logLevel === 'silent') return false;
  return {
    level: logLevel,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
      }),
      err: safeError,
    },
  };
}
