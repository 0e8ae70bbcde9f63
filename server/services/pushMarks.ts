import type { PushMark } from '../../src/protocol';
import type { Database } from '../db/database';

export interface PushMarkRecord extends PushMark {
  deviceId: string;
  ownerId: string;
}

/**
 * The highest of each device's marks for each owner (one statement may not touch a row twice),
 * in one order, so that two writers never lock the same rows in opposite orders.
 */
export function latestMarks(marks: PushMarkRecord[]): PushMarkRecord[] {
  const latest = new Map<string, PushMarkRecord>();
  for (const mark of marks) {
    const key = `${mark.deviceId} ${mark.ownerId}`;
    if ((latest.get(key)?.highWater ?? -1) <= mark.highWater) latest.set(key, mark);
  }
  return [...latest.keys()].sort().map((key) => latest.get(key)!);
}

/**
 * Moves each device's mark for its owner to the batch's `highWater`, with the batch's
 * refusals, once the batches' events are committed. A late duplicate of an older batch never
 * moves a mark back. The commit does not wait for the disk: a mark lost in a crash only lags,
 * and a phone that finds it behind sends its batch again, which stores nothing twice.
 */
export async function recordPushMarks(db: Database, marks: PushMarkRecord[]): Promise<void> {
  const rows = latestMarks(marks);
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit TO off');
    await tx.query(
      `INSERT INTO push_marks AS m (device_id, owner_id, high_water, refused)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::jsonb[])
       ON CONFLICT (device_id, owner_id) DO UPDATE
         SET high_water = EXCLUDED.high_water, refused = EXCLUDED.refused, updated_at = now()
         WHERE m.high_water <= EXCLUDED.high_water`,
      [
        rows.map((m) => m.deviceId),
        rows.map((m) => m.ownerId),
        rows.map((m) => m.highWater),
        rows.map((m) => JSON.stringify(m.refused)),
      ],
    );
  });
}

/** The device's mark for this owner; 0 with no refusals when it never pushed. */
export async function readPushMark(
  db: Database,
  deviceId: string,
  ownerId: string,
): Promise<PushMark> {
  const rows = await db.query<{ high_water: string | number; refused: PushMark['refused'] }>(
    `SELECT high_water, refused FROM push_marks WHERE device_id = $1 AND owner_id = $2`,
    [deviceId, ownerId],
  );
  const row = rows[0];
  return row
    ? { highWater: Number(row.high_water), refused: row.refused }
    : { highWater: 0, refused: [] };
}
