import { fileURLToPath } from 'node:url';
import Postgrator from 'postgrator';
import type { Database } from './database';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies every migration in db/migrations not yet applied, in order. Returns the versions run. */
export async function migrate(db: Database): Promise<string[]> {
  // Postgrator looks for its table in every schema unless told which one is ours: tests and
  // benchmarks each migrate their own schema side by side in one database.
  const [{ schema } = { schema: 'public' }] = await db.query<{ schema: string }>(
    'SELECT current_schema() AS schema',
  );
  const postgrator = new Postgrator({
    currentSchema: schema,
    migrationPattern: `${migrationsDir}/*`,
    driver: 'pg',
    schemaTable: 'schema_version',
    execQuery: async (sql) => ({ rows: await db.exec(sql) }),
  });
  if (db.kind === 'pglite') {
    return (await postgrator.migrate()).map((migration) => migration.version.toString());
  }
  // Several instances starting at once on one PostgreSQL: one migrates, the others wait for it
  // and then find nothing left to do. The lock is held by a transaction on its own connection.
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()), 15)');
    return (await postgrator.migrate()).map((migration) => migration.version.toString());
  });
}
