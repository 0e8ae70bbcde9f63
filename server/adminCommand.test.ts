import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './db/database';
import { checkPassword } from './services/accounts';
import pg from 'pg';
import { runAdminCommand as runAdmin } from './testkit/adminCommand';
import { freshPostgresSchema, isPostgresReachable, TEST_POSTGRES_URL } from './testing';

/** Where each run keeps its database: a fresh PGlite folder, or a fresh PostgreSQL schema. */
const targets: { name: string; open: () => Promise<{ env: Record<string, string> }> }[] = [
  {
    name: 'PGlite data folder',
    open: async () => ({ env: { DATA_DIR: join(await mkdtemp(join(tmpdir(), 'admin-')), 'db') } }),
  },
];
if (await isPostgresReachable()) {
  targets.push({
    name: 'PostgreSQL (DATABASE_URL)',
    open: async () => {
      const { url, schema } = await freshPostgresSchema();
      cleanups.push(async () => {
        const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
      return { env: { DATABASE_URL: url } };
    },
  });
}
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe.each(targets)('the admin command on $name', (target) => {
  it('creates the first system administrator on an empty database and resets its password', async () => {
    const { env } = await target.open();
    if (env.DATA_DIR) cleanups.push(() => rm(resolve(env.DATA_DIR!, '..'), { recursive: true }));

    const created = await runAdmin(['create', 'Quan-Tri'], env, 'first password 1\n');
    expect(created.output).toContain('System administrator quan-tri created');
    expect(created.code).toBe(0);
    // A second account of that name is refused, and nothing changes.
    const again = await runAdmin(['create', 'quan-tri'], env, 'other password 2\n');
    expect(again.code).toBe(1);
    expect(again.output).toContain('is taken');
    // Bad input: a clear reason, nothing written.
    const short = await runAdmin(['create', 'boss'], env, 'short\n');
    expect([short.code, short.output]).toEqual([1, expect.stringContaining('Password:')]);
    const reset = await runAdmin(['reset', 'quan-tri'], env, 'second password 2\n');
    expect(reset.code).toBe(0);
    const unknown = await runAdmin(['reset', 'nobody'], env, 'second password 2\n');
    expect([unknown.code, unknown.output]).toEqual([1, expect.stringContaining('No account')]);
    expect((await runAdmin(['delete', 'quan-tri'], env, '')).code).toBe(2);

    const db: Database = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
    });
    try {
      const accounts = await db.query<{ id: string; username: string; is_system_admin: boolean }>(
        `SELECT id, username, is_system_admin FROM accounts`,
      );
      expect(accounts).toEqual([
        { id: expect.any(String), username: 'quan-tri', is_system_admin: true },
      ]);
      const id = accounts[0]!.id;
      expect(await checkPassword(db, 'quan-tri', 'first password 1')).toBeNull();
      expect((await checkPassword(db, 'quan-tri', 'second password 2'))?.isSystemAdmin).toBe(true);
      const log = await db.query<{ actor_id: string | null; action: string; target: string }>(
        `SELECT actor_id, action, target, details FROM audit_log
         WHERE action IN ('system_admin_created', 'password_reset') ORDER BY id`,
      );
      expect(log).toEqual([
        { actor_id: null, action: 'system_admin_created', target: id, details: { via: 'command' } },
        { actor_id: null, action: 'password_reset', target: id, details: { via: 'command' } },
      ]);
    } finally {
      await db.close();
    }
    // Six processes, each starting Node and its database: slow on a busy machine.
  }, 180_000);
});
