import { resolve } from 'node:path';
import { buildServer } from './app';
import { courseCatalog } from './certificates/catalog';
import { readConfig } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';

/** `npm start`: one process, one port — the API and, in production, the built app. */
async function main(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrate(db);
  // The answer keys the server scores certificate requests with: a broken course stops the start.
  courseCatalog();
  const production = config.NODE_ENV === 'production';
  const app = await buildServer({
    db,
    distDir: production ? resolve(config.DIST_DIR) : undefined,
    logLevel: config.LOG_LEVEL,
  });
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}`;
  await app.listen({ port: config.PORT, host: config.HOST });
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  console.log(`Học Số is running at http://${shownHost}:${config.PORT}/`);
  console.log(`Database: ${where}; migrations applied now: ${applied.length || 'none'}`);
  if (!production) console.log('API only (development): run "npm run dev" for the app.');

  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
