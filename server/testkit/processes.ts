import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { openPostgres, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { freshPostgresSchema } from '../testing';

const ROOT = resolve(import.meta.dirname, '../..');

/** A real `npm start` server in its own process, as production runs it. */
export interface ServerProcess {
  child: ChildProcess;
  /** Its address once it listens, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the process to end. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Spawns one server process as `npm start` runs it (node with tsx as its loader: one process,
 * so a signal reaches the server itself); resolves once it prints its address, rejects if it
 * exits first.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((ready, fail) => {
    const onData = () => {
      const match = /is running at (http:\/\/[\d.]+:\d+)\//.exec(printed);
      if (!match) return;
      child.stdout!.off('data', onData);
      ready({ child, url: match[1]!, output: () => printed, exited, stop });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) =>
      fail(new Error(`The server exited (code ${code}) before listening:\n${printed}`)),
    );
  });
}

/** Several server processes on one fresh PostgreSQL schema, and the test's own connection to it. */
export interface ServerCluster {
  servers: ServerProcess[];
  db: Database;
  /** Stops every process and drops the schema. */
  close: () => Promise<void>;
}

/**
 * `count` `npm start` processes on a fresh PostgreSQL schema, as behind a load balancer. With
 * `migrateFirst` the test migrates the schema before they start; without it they migrate the
 * empty schema together at start (one does it, the others wait on its advisory lock).
 */
export async function startServersOnFreshSchema(
  env: Record<string, string>,
  { count = 3, migrateFirst = false }: { count?: number; migrateFirst?: boolean } = {},
): Promise<ServerCluster> {
  const fresh = await freshPostgresSchema();
  const db = await openPostgres(fresh.url);
  if (migrateFirst) await migrate(db);
  const serverEnv = { ...env, DATABASE_URL: fresh.url };
  const servers = await Promise.all(
    Array.from({ length: count }, () => startServerProcess(serverEnv)),
  );
  return {
    servers,
    db,
    close: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await db.exec(`DROP SCHEMA ${fresh.schema} CASCADE`);
      await db.close();
    },
  };
}
