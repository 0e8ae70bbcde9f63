import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import { eventBatch } from '../../src/test/events';
import type { Database } from '../db/database';
import { freshDatabase, testBackends } from '../testing';
import { storeEvents } from './eventWriter';

const backends = await testBackends();

describe.each(backends)('the combined push writer on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  const pushOf = (events = eventBatch(newRandomId(), 3)) => ({
    ownerId: `device:${events[0]!.deviceId}`,
    events,
  });

  it('combines pushes that wait, and a push the database refuses fails alone', async () => {
    const [first, second, crowd] = [pushOf(), pushOf(), pushOf()];
    // Two writes are in flight at once; the pushes behind them are combined into one. One of
    // those carries a value only the database refuses (the schema stops it in real pushes).
    const broken = pushOf();
    broken.events[1] = { ...broken.events[1]!, occurredAt: '0000-01-01T00:00:00Z' };
    const results = await Promise.allSettled([
      storeEvents(db, first),
      storeEvents(db, second),
      storeEvents(db, broken),
      storeEvents(db, crowd),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const stored = await db.query<{ owner_id: string; n: number }>(
      'SELECT owner_id, count(*)::int AS n FROM events GROUP BY owner_id',
    );
    expect(new Map(stored.map((r) => [r.owner_id, r.n]))).toEqual(
      new Map([first, second, crowd].map((p) => [p.ownerId, 3])),
    );
  });

  it('tells a duplicated push its events are accepted, and another owner that they clash', async () => {
    const original = pushOf();
    const clash = { ownerId: 'device:someone-else', events: original.events };
    const [again, twice, other] = await Promise.all([
      storeEvents(db, original),
      storeEvents(db, original),
      storeEvents(db, clash),
    ]);
    const ids = original.events.map((e) => e.id);
    expect(again).toEqual({ accepted: ids, conflicts: [] });
    expect(twice).toEqual({ accepted: ids, conflicts: [] });
    expect(other).toEqual({ accepted: [], conflicts: ids });
  });
});
