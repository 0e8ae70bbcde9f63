import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../server/app';
import { openPostgres, type Database } from '../server/db/database';
import { NO_LIMITS } from '../server/testing';

/** The server a bench pushes to, and where it runs. */
export interface BenchServer {
  url: string;
  /** 'own process' on PostgreSQL; 'the bench's process' on PGlite, which one process holds. */
  where: string;
  /** Its process, when it has its own. */
  pid?: number;
  close(): Promise<void>;
}

/**
 * The server in its own process on PostgreSQL (as production runs it), so the load the bench
 * drives (fetch, autocannon) never shares its event loop and the latencies are the server's.
 * On PGlite the database lives in the bench's process, so the server does too.
 */
export async function startBenchServer(db: Database, databaseUrl?: string): Promise<BenchServer> {
  if (!databaseUrl) {
    const app = await buildServer({ db, limits: NO_LIMITS });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return { url, where: "the bench's process", close: () => app.close() };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // A bench that fails half-way never leaves its server running.
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);
  const url = await new Promise<string>((ready, fail) => {
    let printed = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /^listening (http:\S+)$/m.exec(printed);
      if (match) ready(match[1]!);
    });
    void exited.then(() => fail(new Error(`The bench server exited:\n${printed}`)));
  });
  return {
    url,
    where: 'its own process',
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    close: async () => {
      process.off('exit', stopChild);
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The child: the real server on the bench's schema, with limits no bench reaches. */
async function serve(databaseUrl: string): Promise<void> {
  const db = await openPostgres(databaseUrl);
  const app = await buildServer({ db, limits: NO_LIMITS });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
  console.log(`listening http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
}

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (databaseUrl && import.meta.filename === process.argv[1]) await serve(databaseUrl);
