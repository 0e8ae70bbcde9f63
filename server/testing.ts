import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { buildServer } from './app';
import { openPglite, openPostgres, type Database } from './db/database';
import { migrate } from './db/migrate';
import type { RateLimits } from './rateLimits';

/** The PostgreSQL server tests use when it is up (CI starts it); PGlite runs everywhere. */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresReachable: Promise<boolean> | undefined;

export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({
      connectionString: TEST_POSTGRES_URL,
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return postgresReachable;
}

export type Backend = 'pglite' | 'postgres';

/** The Redis the rate-limit tests share counters through when it is up (CI starts it). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The stores rate-limit counters can live in for the tests: the database always, and Redis when
 * it answers. With REQUIRE_REDIS=1 (as in CI) a missing Redis is an error, not a quiet skip.
 */
export async function testRateLimitStores(): Promise<('database' | 'redis')[]> {
  const redis = new Redis(TEST_REDIS_URL, {
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
  });
  const reachable = await redis.connect().then(
    () => redis.ping().then(() => true),
    () => false,
  );
  redis.disconnect();
  if (reachable) return ['database', 'redis'];
  if (process.env.REQUIRE_REDIS === '1') {
    throw new Error('REQUIRE_REDIS=1 but Redis is not reachable');
  }
  console.warn('Redis is not reachable: rate limits are tested on the database store only');
  return ['database'];
}

/**
 * The databases the server tests run on: always PGlite, and PostgreSQL when it answers.
 * With REQUIRE_POSTGRES=1 (as in CI) a missing PostgreSQL is an error, not a quiet skip.
 */
export async function testBackends(): Promise<Backend[]> {
  if (await isPostgresReachable()) return ['pglite', 'postgres'];
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but PostgreSQL is not reachable');
  }
  console.warn('PostgreSQL is not reachable: server tests run on PGlite only');
  return ['pglite'];
}

/**
 * A fresh, migrated database of the given kind. On PostgreSQL each call gets its own schema,
 * dropped by `close`, so test files never see each other's rows.
 */
export async function freshDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const { url, schema } = await freshPostgresSchema();
  const db = await openPostgres(url);
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

/**
 * A new empty schema on the test PostgreSQL and a connection string that uses it: for server
 * processes started by a test (see testkit/processes.ts). The caller drops it.
 */
export async function freshPostgresSchema(): Promise<{ url: string; schema: string }> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

/** Limits no test reaches, for tests of something else. */
export const NO_LIMITS: RateLimits = {
  attemptsPerAddressPerMinute: 1_000_000,
  attemptsPerAccount: 1_000_000,
  devicesPerAddressPerMinute: 1_000_000,
  pushesPerCallerPerMinute: 1_000_000,
};

export async function testServer(backend: Backend) {
  const db = await freshDatabase(backend);
  // Tests sign in far more often than a person could: the brute-force limit is its own test.
  const app = await buildServer({ db, limits: NO_LIMITS });
  return { db, app };
}
