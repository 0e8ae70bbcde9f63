import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { buildServer } from './app';
import { courseCatalog } from './certificates/catalog';
import { issuerAddressProblem, readConfig } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';

/** How long a stopping server still accepts connections before it closes its port. */
const SHUTDOWN_GRACE_MS = 2_000;

/** `npm start`: one process, one port — the API and, in production, the built app. */
async function main(): Promise<void> {
  const config = readConfig();
  const issuerProblem = issuerAddressProblem(config);
  if (issuerProblem?.refuse) throw new Error(issuerProblem.message);
  if (issuerProblem) console.warn(`Warning: ${issuerProblem.message}`);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrate(db);
  // The answer keys the server scores certificate requests with: a broken course stops the start.
  courseCatalog();
  const production = config.NODE_ENV === 'production';
  const app = await buildServer({
    db,
    distDir: production ? resolve(config.DIST_DIR) : undefined,
    logLevel: config.LOG_LEVEL,
    redisUrl: config.REDIS_URL,
    trustProxy: config.TRUST_PROXY,
  });
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}`;
  await app.listen({ port: config.PORT, host: config.HOST });
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  // The port it really got (PORT=0 asks the system for a free one).
  const { port } = app.server.address() as AddressInfo;
  console.log(`Học Số is running at http://${shownHost}:${port}/`);
  console.log(`Database: ${where}; migrations applied now: ${applied.length || 'none'}`);
  if (!production) console.log('API only (development): run "npm run dev" for the app.');

  // SIGTERM (a deploy, a scale-down) ends the process gracefully. For a moment it still accepts
  // and answers (requests already sent but not yet accepted by a busy process are not reset),
  // then it stops listening, answers every request in flight and closes the database. A close
  // that hangs is cut after 25 s.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in flight, then stopping`);
    setTimeout(() => {
      console.error('Requests still open after 25 s: stopping anyway');
      process.exit(1);
    }, 25_000).unref();
    await new Promise((done) => setTimeout(done, SHUTDOWN_GRACE_MS));
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
