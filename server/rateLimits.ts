import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { Redis } from 'ioredis';
import { cleanText, looksLikePhone, normalisePhone } from '../src/protocol';
import type { Database } from './db/database';
import { sendError } from './routes/errors';
import { principalOf } from './services/principal';
import { hashToken } from './services/tokens';

/**
 * How many attempts each guarded action allows. Per address guards against floods (behind the
 * trusted proxy each phone has its own address; a commune's phones may still share one carrier
 * address, so these are generous); per account or login guards against guessing one person's
 * password or one organisation's codes, wherever the guesses come from.
 */
export interface RateLimits {
  /** Sign-in, sign-up, refresh, join and password-reset attempts a minute from one address. */
  attemptsPerAddressPerMinute: number;
  /**
   * Sign-in and password-reset attempts on one login, and join attempts and reset codes made by
   * one account, per 15 minutes.
   */
  attemptsPerAccount: number;
  /** Device registrations a minute from one address. */
  devicesPerAddressPerMinute: number;
  /** Pushes a minute by one device or sign-in (a phone pushes a few times a minute). */
  pushesPerCallerPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  attemptsPerAddressPerMinute: 60,
  attemptsPerAccount: 10,
  devicesPerAddressPerMinute: 60,
  pushesPerCallerPerMinute: 300,
};

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;

/** How often (one call in N) a counter write also sweeps the rows whose window ended long ago. */
const SWEEP_EVERY = 200;

/**
 * @fastify/rate-limit's store on our database: one atomic upsert per hit, so three server
 * processes on one PostgreSQL share every counter.
 */
function databaseStore(db: Database) {
  return class DatabaseStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      void db
        .query<{ hits: number; ttl: number }>(
          `INSERT INTO rate_limits AS r (key, hits, reset_at)
           VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
           ON CONFLICT (key) DO UPDATE SET
             hits = CASE WHEN r.reset_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
             reset_at = CASE WHEN r.reset_at <= clock_timestamp() THEN excluded.reset_at
                        ELSE r.reset_at END
           RETURNING r.hits,
             greatest(0, ceil(extract(epoch FROM r.reset_at - clock_timestamp()) * 1000))::int AS ttl`,
          [key, timeWindow],
        )
        .then(async ([row]) => {
          if (Math.random() * SWEEP_EVERY < 1) {
            await db.query(`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 hour'`);
          }
          callback(null, { current: row!.hits, ttl: row!.ttl });
        }, callback);
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/**
 * Registers @fastify/rate-limit with a store every instance shares: Redis when `redisUrl` is
 * given, else the database. No route is limited until it asks (see `limiter`).
 */
export async function registerRateLimits(
  app: FastifyInstance,
  db: Database,
  redisUrl?: string,
): Promise<void> {
  if (redisUrl) {
    // As @fastify/rate-limit advises: fail fast rather than queue hits while Redis is away.
    const redis = new Redis(redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1 });
    app.addHook('onClose', async () => {
      await redis.quit();
    });
    await app.register(rateLimit, { global: false, redis, nameSpace: 'hocso-rate-' });
  } else {
    await app.register(rateLimit, { global: false, store: databaseStore(db) });
  }
}

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * One counted limit: a hit on `name:<key>` per call, exceeded past `max` hits in `timeWindow`
 * ms. A null key is not counted.
 */
function limit(
  app: FastifyInstance,
  name: string,
  max: number,
  timeWindow: number,
  key: (request: FastifyRequest) => string | null | Promise<string | null>,
): Check {
  const keys = new WeakMap<FastifyRequest, Promise<string | null>>();
  const keyOf = (request: FastifyRequest) => {
    let found = keys.get(request);
    if (!found) {
      found = Promise.resolve(key(request));
      keys.set(request, found);
    }
    return found;
  };
  return app.createRateLimit({
    max,
    timeWindow,
    keyGenerator: async (request) => `${name}:${await keyOf(request)}`,
    allowList: async (request) => (await keyOf(request)) === null,
  });
}

/**
 * A preHandler (the body is parsed by then) that counts a hit on each limit and answers 429
 * with Retry-After when one is exceeded. (@fastify/rate-limit's own route hook runs only one
 * limit per request; a sign-in needs two: its address and its login.)
 */
function guard(...checks: Check[]): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    for (const check of checks) {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(result.ttlInSeconds));
        return sendError(reply, 'rate_limited', 'Too many attempts: wait a while, then try again');
      }
    }
  };
}

/** Per client address (the proxy's X-Forwarded-For when the proxy is trusted, see TRUST_PROXY). */
const byAddress = (request: FastifyRequest) => request.ip;

/**
 * The login a sign-in names, in the form accounts are found by (see `checkPassword`), hashed:
 * the counters never hold a phone number, and a login the text rule refuses (a NUL byte, say)
 * still makes a key the store can keep.
 */
function byLogin(request: FastifyRequest): string | null {
  const login = (request.body as { login?: unknown } | undefined)?.login;
  if (typeof login !== 'string') return null;
  const key = looksLikePhone(login)
    ? (normalisePhone(login) ?? login.trim())
    : cleanText(login).toLowerCase();
  return hashToken(key);
}

/** The bearer token's hash: one device's or one sign-in's own bucket, with no database read. */
function byToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header ? hashToken(header) : null;
}

export type Guards = Record<
  | 'signUp'
  | 'signIn'
  | 'refresh'
  | 'join'
  | 'registerDevice'
  | 'push'
  | 'resetPassword'
  | 'resetCode',
  preHandlerAsyncHookHandler
>;

/** The limits of each guarded route, ready to put in a route's `preHandler`. */
export function rateGuards(app: FastifyInstance, db: Database, limits: RateLimits): Guards {
  const perAddress = (name: string) =>
    limit(app, `${name}:address`, limits.attemptsPerAddressPerMinute, MINUTE, byAddress);
  const perAccount = async (request: FastifyRequest) => {
    const principal = await principalOf(db, request.headers.authorization);
    return principal?.kind === 'account' ? principal.accountId : null;
  };
  return {
    signUp: guard(perAddress('sign-up')),
    signIn: guard(
      perAddress('sign-in'),
      limit(app, 'sign-in:login', limits.attemptsPerAccount, QUARTER_HOUR, byLogin),
    ),
    refresh: guard(perAddress('refresh')),
    join: guard(
      perAddress('join'),
      limit(app, 'join:account', limits.attemptsPerAccount, QUARTER_HOUR, perAccount),
    ),
    // A reset code is guessed like a password: the same limits, on their own counters.
    resetPassword: guard(
      perAddress('reset'),
      limit(app, 'reset:login', limits.attemptsPerAccount, QUARTER_HOUR, byLogin),
    ),
    resetCode: guard(
      limit(app, 'reset-code:account', limits.attemptsPerAccount, QUARTER_HOUR, perAccount),
    ),
    registerDevice: guard(
      limit(app, 'devices:address', limits.devicesPerAddressPerMinute, MINUTE, byAddress),
    ),
    push: guard(limit(app, 'push:caller', limits.pushesPerCallerPerMinute, MINUTE, byToken)),
  };
}
