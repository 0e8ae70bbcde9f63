import type { Database } from '../db/database';

interface Place {
  code: string;
  name: string;
  kind: string;
}

export async function provinces(db: Database): Promise<Place[]> {
  return db.query<Place>(`SELECT code, name, kind FROM provinces ORDER BY code`);
}

export async function communesOf(db: Database, provinceCode: string): Promise<Place[]> {
  return db.query<Place>(
    `SELECT code, name, kind FROM communes WHERE province_code = $1 ORDER BY code`,
    [provinceCode],
  );
}

export async function communeExists(db: Database, code: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM communes WHERE code = $1`, [code])).length > 0;
}
