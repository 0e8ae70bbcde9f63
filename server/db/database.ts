import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import pg from 'pg';

export interface Queryable {
  /** One statement with $1… parameters. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * The server's one door to PostgreSQL, the same for embedded PGlite and a real server: the
 * same SQL and the same migrations run on both.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Several statements without parameters (migrations); returns the last one's rows. */
  exec<Row>(sql: string): Promise<Row[]>;
  /** Runs `work` in one transaction, committed if it resolves and rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Holds `dataDir` for this process: PGlite is one process's database, and two servers writing
 * one folder lose acknowledged events. The lock (a `<dataDir>.lock` folder kept fresh while the
 * process lives) is taken over only when stale, after a crash.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { stale: 10_000, update: 2_000, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new Error(
      `The data folder ${dataDir} is in use by another server process. ` +
        'Stop that one, or give this one another DATA_DIR; to run several servers, use one ' +
        'PostgreSQL (DATABASE_URL).',
    );
  }
}

/** Embedded PostgreSQL in a folder (or in memory when `dataDir` is undefined). */
export async function openPglite(dataDir?: string): Promise<Database> {
  // PGlite makes only the last folder of the path: a fresh clone has no `.data` yet.
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const unlock = dataDir ? await lockDataDir(dataDir) : undefined;
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async <Row>(sql: string) => ((await db.exec(sql)).at(-1)?.rows ?? []) as Row[],
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await tx.query<Row>(sql, params)).rows,
        }),
      ),
    async close() {
      await db.close();
      await unlock?.();
    },
  };
}

/** Connections each process holds to PostgreSQL at most. */
export const POSTGRES_POOL_SIZE = 10;

/** A PostgreSQL server over the network, through a connection pool. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: POSTGRES_POOL_SIZE });
  // Fail at start, with the server's own message, rather than on the first request.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await pool.query(sql, params)).rows as Row[],
    exec: async <Row>(sql: string) => {
      const result = (await pool.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/** Whether a statement failed on a unique index: a row with that key is there already. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
