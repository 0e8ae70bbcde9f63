import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openPglite } from './database';

it('opens the embedded database in a folder whose parents do not exist yet (a fresh clone)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'hoc-so-data-'));
  try {
    const db = await openPglite(join(root, '.data', 'pglite'));
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
