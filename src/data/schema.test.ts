import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HocSoDatabase } from './db';
import {
  CURRENT_VERSION,
  DATABASE_NAME,
  VERSION_1,
  VERSION_2,
  VERSION_3,
  VERSION_4,
  VERSION_5,
} from './schema';

const deviceId = '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f';
const eventId = '019a9c2e-7f00-7000-8000-000000000001';

describe('device database upgrades', () => {
  afterEach(async () => {
    await Dexie.delete(DATABASE_NAME);
  });

  it('upgrades a version 1 database with data in it without losing anything', async () => {
    const v1 = new Dexie(DATABASE_NAME);
    v1.version(1).stores(VERSION_1);
    await v1.table('meta').put({ key: 'deviceId', value: deviceId });
    await v1.table('events').add({
      id: eventId,
      deviceId,
      occurredAt: '2026-11-01T08:00:00.000Z',
      type: 'lesson.completed',
      payload: { courseId: 'smartphone-basics', lessonId: 'phone-parts' },
    });
    await v1.table('progress').add({
      courseId: 'smartphone-basics',
      completedLessons: ['phone-parts'],
      quiz: {
        attemptId: null,
        answers: {},
        completedAttempts: [],
        bestScore: 0,
        total: 0,
        passed: false,
      },
      updatedAt: '2026-11-01T08:00:00.000Z',
    });
    await v1.table('outbox').add({ eventId, createdAt: '2026-11-01T08:00:00.000Z' });
    v1.close();

    const db = new HocSoDatabase();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    const profileId = (await db.meta.get('defaultProfileId'))?.value as string;
    expect(await db.profiles.get(profileId)).toMatchObject({ id: profileId });
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: deviceId });

    const event = await db.events.get(eventId);
    expect(event).toMatchObject({ id: eventId, profileId, type: 'lesson.completed' });
    expect(await db.events.where('profileId').equals(profileId).count()).toBe(1);

    expect(await db.courseProgress.get([profileId, 'smartphone-basics'])).toMatchObject({
      profileId,
      completedLessons: ['phone-parts'],
    });
    expect(db.tables.map((t) => t.name)).not.toContain('progress');

    expect(await db.outbox.where('state').equals('pending').toArray()).toEqual([
      expect.objectContaining({ kind: 'learning-event', recordId: eventId, state: 'pending' }),
    ]);
    db.close();
  });

  it('upgrades a version 5 database to the current one (certificates, the team log, class attendance, assignments), keeping data', async () => {
    const v5 = new Dexie(DATABASE_NAME);
    v5.version(1).stores(VERSION_1);
    v5.version(2).stores(VERSION_2);
    v5.version(3).stores(VERSION_3);
    v5.version(4).stores(VERSION_4);
    v5.version(5).stores(VERSION_5);
    const profileId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await v5.table('profiles').add({ id: profileId, name: 'Lan', createdAt: '2026-11-01' });
    await v5.table('courseProgress').add({ profileId, courseId: 'smartphone-basics' });
    await v5.table('credentials').add({ profileId, accountId: 'a1', pullCursor: 7 });
    await v5.table('events').add({ id: eventId, deviceId, profileId, type: 'lesson.completed' });
    v5.close();

    const db = new HocSoDatabase();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.profiles.get(profileId)).toMatchObject({ name: 'Lan' });
    expect(await db.courseProgress.get([profileId, 'smartphone-basics'])).toBeDefined();
    expect(await db.credentials.get(profileId)).toMatchObject({ pullCursor: 7 });
    expect(await db.events.where('profileId').equals(profileId).count()).toBe(1);
    expect(await db.certificates.count()).toBe(0);
    expect(await db.issuerKeys.count()).toBe(0);
    expect(await db.visitVersions.count()).toBe(0);
    expect(await db.visitDrafts.count()).toBe(0);
    expect(await db.teamVaults.count()).toBe(0);
    expect(await db.classRosters.count()).toBe(0);
    expect(await db.attendanceMarks.count()).toBe(0);
    expect(db.visitVersions.schema.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['visitId', 'accountId', 'state']),
    );
    expect(await db.assignments.count()).toBe(0);
    expect(await db.orgMemberships.count()).toBe(0);
    expect(db.assignments.schema.indexes.map((i) => i.name)).toEqual(['accountId']);

    await db.certificates.put({
      profileId,
      courseId: 'smartphone-basics',
      requestId: eventId,
      holderName: 'Lan',
      status: 'waiting',
    });
    await db.certificates.put({
      profileId,
      courseId: 'smartphone-basics',
      requestId: eventId,
      holderName: 'Lan',
      status: 'signed',
      certificateId: 'c-1',
    });
    // One row per profile and course; found by certificate id too.
    expect(await db.certificates.where('profileId').equals(profileId).count()).toBe(1);
    expect(await db.certificates.where('certificateId').equals('c-1').first()).toMatchObject({
      status: 'signed',
    });
    db.close();
  });
});
