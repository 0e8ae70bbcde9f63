import { beforeEach, describe, expect, it } from 'vitest';
import { newRandomId } from '../lib/ids';
import { database } from './db';
import { StorageFullError } from './errors';
import { recordEvent } from './learning';
import { createDexieSyncStore } from './syncStore';

const profileId = newRandomId();
const dexieSyncStore = createDexieSyncStore();
const course = { courseId: 'smartphone-basics', lessonId: 'phone-parts' };

async function counts() {
  const db = database();
  return {
    events: await db.events.count(),
    progress: await db.courseProgress.count(),
    outbox: await db.outbox.count(),
  };
}

describe('recording what a person did', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('writes the event, its progress and its outbox entry together', async () => {
    const event = await recordEvent(profileId, 'lesson.completed', course);
    const db = database();
    expect(await db.events.get(event.id)).toEqual(event);
    expect((await db.courseProgress.get([profileId, course.courseId]))?.completedLessons).toEqual([
      'phone-parts',
    ]);
    const entry = ['learning-event', event.id];
    expect(await db.outbox.where('[kind+recordId]').equals(entry).first()).toMatchObject({
      state: 'pending',
    });
  });

  it('keeps the device id once created', async () => {
    const a = await recordEvent(profileId, 'lesson.completed', course);
    const b = await recordEvent(profileId, 'lesson.completed', course);
    expect(a.deviceId).toBe(b.deviceId);
    expect(await database().meta.get('deviceId')).toEqual({ key: 'deviceId', value: a.deviceId });
  });

  it('writes nothing at all when the disk is full, and says so', async () => {
    const db = database();
    const failOnFull = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.outbox.hook('creating', failOnFull);
    await expect(recordEvent(profileId, 'lesson.completed', course)).rejects.toBeInstanceOf(
      StorageFullError,
    );
    db.outbox.hook('creating').unsubscribe(failOnFull);
    expect(await counts()).toEqual({ events: 0, progress: 0, outbox: 0 });
  });

  it('rejects an event that breaks the contract before writing anything', async () => {
    await expect(
      recordEvent(profileId, 'lesson.completed', { courseId: 'Not A Slug', lessonId: 'x' }),
    ).rejects.toThrow();
    expect(await counts()).toEqual({ events: 0, progress: 0, outbox: 0 });
  });
});

describe('the Dexie sync store', () => {
  const events = { kind: 'learning-event' } as const;
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('deletes the entries of a settled batch and keeps refused ones with their reason', async () => {
    const kept = await recordEvent(profileId, 'lesson.completed', course);
    const sent = await recordEvent(profileId, 'lesson.completed', { ...course, lessonId: 'b' });
    const batch = await dexieSyncStore.pendingRecords(10);
    expect(batch.records.map((r) => r.id)).toEqual([kept.id, sent.id]);
    await dexieSyncStore.markPushInFlight(batch.highWater);
    await dexieSyncStore.settleUpTo({
      highWater: batch.highWater,
      refused: [{ kind: 'learning-event', id: kept.id, reason: 'invalid_record', message: 'bad' }],
    });
    expect(await dexieSyncStore.pendingRecords(10)).toEqual({ records: [], highWater: 0 });
    expect(await dexieSyncStore.pushInFlight()).toBeNull();
    const refused = await database().outbox.toArray();
    expect(refused).toEqual([
      expect.objectContaining({
        kind: 'learning-event',
        recordId: kept.id,
        state: 'refused',
        refusal: { reason: 'invalid_record', message: 'bad' },
      }),
    ]);
  });

  it('settles up to the server mark: earlier entries go, refused ones stay, later ones wait', async () => {
    const first = await recordEvent(profileId, 'lesson.completed', course);
    const refusedOne = await recordEvent(profileId, 'lesson.completed', {
      ...course,
      lessonId: 'b',
    });
    const sent = await dexieSyncStore.pendingRecords(10);
    await dexieSyncStore.markPushInFlight(sent.highWater);
    const later = await recordEvent(profileId, 'lesson.completed', { ...course, lessonId: 'c' });
    expect(await dexieSyncStore.pushInFlight()).toBe(sent.highWater);
    await dexieSyncStore.settleUpTo({
      highWater: sent.highWater,
      refused: [
        { kind: 'learning-event', id: refusedOne.id, reason: 'invalid_record', message: 'bad' },
      ],
    });
    const outbox = await database().outbox.toArray();
    expect(outbox.map((row) => [row.recordId, row.state])).toEqual([
      [refusedOne.id, 'refused'],
      [later.id, 'pending'],
    ]);
    expect(outbox.some((row) => row.recordId === first.id)).toBe(false);
    expect(await dexieSyncStore.pushInFlight()).toBeNull();
  });

  it('folds pulled events into progress once, however often they arrive', async () => {
    const other = newRandomId();
    const pulled = {
      id: '019a9c2e-7f00-7000-8000-0000000000aa',
      deviceId: newRandomId(),
      profileId: other,
      occurredAt: '2026-11-01T08:00:00.000Z',
      type: 'quiz.completed' as const,
      payload: {
        courseId: 'smartphone-basics',
        attemptId: '019a9c2e-7f00-7000-8000-0000000000ab',
        score: 8,
        total: 8,
        passed: true,
      },
      serverSeq: 41,
    };
    await database().profiles.add({ id: other, name: 'B', createdAt: pulled.occurredAt });
    const page = [{ kind: 'learning-event' as const, id: pulled.id, data: pulled }];
    await dexieSyncStore.applyPulled(events, page, 41);
    await dexieSyncStore.applyPulled(events, page, 41);
    const progress = await database().courseProgress.get([other, 'smartphone-basics']);
    expect(progress?.quiz).toMatchObject({
      bestScore: 8,
      passed: true,
      completedAttempts: [pulled.payload.attemptId],
    });
    expect(await dexieSyncStore.getPullCursor(events)).toBe(41);
    expect(await database().events.get(pulled.id)).toMatchObject({ serverSeq: 41 });
    expect(await database().outbox.count()).toBe(0);
  });

  it('does not bring back the events of a profile deleted from this device', async () => {
    const gone = newRandomId();
    const event = {
      id: '019a9c2e-7f00-7000-8000-0000000000ac',
      deviceId: newRandomId(),
      profileId: gone,
      occurredAt: '2026-11-01T08:00:00.000Z',
      type: 'lesson.completed' as const,
      payload: { courseId: 'smartphone-basics', lessonId: 'phone-parts' },
      serverSeq: 7,
    };
    await dexieSyncStore.applyPulled(
      events,
      [{ kind: 'learning-event', id: event.id, data: event }],
      7,
    );
    expect(await database().events.count()).toBe(0);
    expect(await database().courseProgress.count()).toBe(0);
    expect(await dexieSyncStore.getPullCursor(events)).toBe(7);
  });
});
