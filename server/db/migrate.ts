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
  const applied = await postgrator.migrate();
  return applied.map((migration) => migration.version.toString());
}
