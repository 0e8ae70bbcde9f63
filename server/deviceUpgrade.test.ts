import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HocSoDatabase } from '../src/data/db';
import {
  DATABASE_NAME,
  VERSION_1,
  VERSION_2,
  VERSION_3,
  VERSION_4,
  VERSION_5,
  VERSION_6,
  VERSION_7,
} from '../src/data/schema';
import { createDexieSyncStore } from '../src/data/syncStore';
import { splitVersion } from '../src/data/visitParts';
import { readVersion } from '../src/data/visits';
import { newEventId, newRandomId } from '../src/lib/ids';
import { deriveKey, newSalt, open, seal } from '../src/lib/vault';
import type { LearningEvent, VisitVersion } from '../src/protocol';
import { createSyncEngine } from '../src/sync/engine';
import { createSyncApi } from '../src/sync/http';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  amend,
  buildTeamWorld,
  makeVisit,
  pushVisits,
  visitOutcome,
  type TeamWorld,
} from './testkit/teamWorld';

const backends = await testBackends();

/** fetch() answered by the server in-process, so the real client talks to the real server. */
function injectFetch(app: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const response = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    return new Response(response.body, { status: response.statusCode });
  }) as typeof fetch;
}

/** The device database as version 7 shipped it: every version up to 7, nothing after. */
function version7(): Dexie {
  const db = new Dexie(DATABASE_NAME);
  db.version(1).stores(VERSION_1);
  db.version(2).stores(VERSION_2);
  db.version(3).stores(VERSION_3);
  db.version(4).stores(VERSION_4);
  db.version(5).stores(VERSION_5);
  db.version(6).stores(VERSION_6);
  db.version(7).stores(VERSION_7);
  return db;
}

describe.each(backends)(
  'a version 7 phone with team visits, upgraded, then synced, on %s',
  (backend) => {
    let app: FastifyInstance;
    let db: Database;
    let world: TeamWorld;
    const deviceId = newRandomId();
    const otherPhone = newRandomId();
    const profileId = newRandomId();

    beforeAll(async () => {
      ({ app, db } = await testServer(backend));
      world = await buildTeamWorld(app, db);
      await Dexie.delete(DATABASE_NAME);
    });
    afterAll(async () => {
      await Dexie.delete(DATABASE_NAME);
      await app.close();
      await db.close();
    });

    it('keeps drafts, sent, conflicting and waiting visits, events and certificates; then sends what waited', async () => {
      const accountId = world.ids.volunteer;
      const key = await deriveKey('mật khẩu của tổ', newSalt(), 1_000);
      const local = (over: Partial<VisitVersion> = {}) =>
        makeVisit(world.teamA, { deviceId, ...over });
      const sent = local();
      const flagged = local();
      const rivalled = local();
      const rival = amend(rivalled, { minutes: 40, deviceId: otherPhone });
      const ours = amend(rivalled, { minutes: 25 });
      const fresh = local({ village: 'Thôn Đông' });
      // On the server before the upgrade: what this phone sent, and a rival from another phone.
      expect(
        visitOutcome(await pushVisits(app, world.tokens.volunteer, [sent])).accepted,
      ).toHaveLength(1);
      await pushVisits(app, world.tokens.volunteer, [rivalled]);
      expect(
        visitOutcome(await pushVisits(app, world.tokens.volunteer, [rival])).accepted,
      ).toHaveLength(1);

      const row = async (version: VisitVersion, state: string) => {
        const { plain, secret } = splitVersion(version);
        return {
          visitId: version.visitId,
          version: version.version,
          accountId,
          teamId: world.teamA,
          state,
          plain,
          secret: await seal(key, secret),
        };
      };
      const event: LearningEvent = {
        id: newEventId(),
        deviceId,
        profileId,
        occurredAt: '2026-11-20T08:00:00.000Z',
        type: 'lesson.completed',
        payload: { courseId: 'smartphone-basics', lessonId: 'phone-parts' },
      };
      const request: LearningEvent = {
        id: newEventId(),
        deviceId,
        profileId,
        occurredAt: '2026-11-20T08:05:00.000Z',
        type: 'certificate.requested',
        payload: { courseId: 'smartphone-basics', holderName: 'Lò Thị Kín' },
      };
      const draftSecret = await seal(key, { person: { name: 'Chưa xong' } });

      const old = version7();
      await old.open();
      await old.table('meta').put({ key: 'deviceId', value: deviceId });
      await old.table('profiles').add({ id: profileId, name: 'Kín', createdAt: '2026-11-01' });
      await old.table('credentials').add({
        profileId,
        accountId,
        displayName: 'volunteer',
        accessToken: world.tokens.volunteer,
        refreshToken: 'not used here',
        pullCursor: 0,
      });
      await old.table('events').bulkAdd([event, request]);
      await old.table('outbox').bulkAdd([
        { eventId: event.id, createdAt: event.occurredAt, state: 'pending' },
        { eventId: request.id, createdAt: request.occurredAt, state: 'pending' },
      ]);
      await old.table('certificates').add({
        profileId,
        courseId: 'smartphone-basics',
        requestId: request.id,
        holderName: 'Lò Thị Kín',
        status: 'waiting',
      });
      await old.table('teamMemberships').add({
        accountId,
        teams: [{ teamId: world.teamA, name: 'Tổ A', role: 'volunteer' }],
        checkedAt: '2026-11-20T08:00:00.000Z',
      });
      await old.table('visitDrafts').add({
        draftId: 'draft-1',
        accountId,
        teamId: world.teamA,
        visitId: newRandomId(),
        amends: null,
        updatedAt: '2026-11-20T09:00:00.000Z',
        plain: { date: '2026-11-20', communeCode: sent.communeCode, services: [] },
        secret: draftSecret,
      });
      await old
        .table('visitVersions')
        .bulkAdd([
          await row(sent, 'sent'),
          await row(flagged, 'conflict'),
          await row(rivalled, 'sent'),
          await row(ours, 'waiting'),
          await row(fresh, 'waiting'),
        ]);
      old.close();

      const phone = new HocSoDatabase();
      await phone.open();
      // Nothing lost: the events wait in the one outbox in their old order, the visits still
      // waiting join them; drafts, certificates and every visit's state and sealed fields stay.
      expect(
        (await phone.outbox.toArray()).map((r) => [r.seq, r.kind, r.recordId, r.state]),
      ).toEqual([
        [1, 'learning-event', event.id, 'pending'],
        [2, 'learning-event', request.id, 'pending'],
        // Waiting visits in version order: an amendment never goes before what it amends.
        [3, 'visit-version', `${fresh.visitId}:1`, 'pending'],
        [4, 'visit-version', `${ours.visitId}:2`, 'pending'],
      ]);
      expect(await phone.events.count()).toBe(2);
      expect(await phone.certificates.get([profileId, 'smartphone-basics'])).toMatchObject({
        status: 'waiting',
      });
      const draft = await phone.visitDrafts.get('draft-1');
      expect(await open(key, draft!.secret)).toEqual({ person: { name: 'Chưa xong' } });
      const states = async () =>
        Object.fromEntries(
          (await phone.visitVersions.toArray()).map((r) => [`${r.visitId}:${r.version}`, r.state]),
        );
      expect(await states()).toEqual({
        [`${sent.visitId}:1`]: 'sent',
        [`${flagged.visitId}:1`]: 'conflict',
        [`${rivalled.visitId}:1`]: 'sent',
        [`${ours.visitId}:2`]: 'waiting',
        [`${fresh.visitId}:1`]: 'waiting',
      });
      const stored = await phone.visitVersions.get([fresh.visitId, 1]);
      expect(await readVersion(key, stored!)).toEqual(fresh);

      const store = createDexieSyncStore(phone, { kind: 'account', profileId }, (id) =>
        id === accountId ? key : null,
      );
      const engine = createSyncEngine({
        api: createSyncApi('http://app.test', injectFetch(app)),
        store,
        auth: { token: async () => world.tokens.volunteer, forget: async () => undefined },
        onStatus: () => undefined,
        isOnline: () => true,
      });
      await engine.syncNow();

      expect(await phone.outbox.count()).toBe(0);
      expect(await states()).toMatchObject({
        [`${ours.visitId}:2`]: 'conflict',
        [`${fresh.visitId}:1`]: 'sent',
        [`${flagged.visitId}:1`]: 'conflict',
      });
      expect(await phone.visitDrafts.count()).toBe(1);
      const onServer = await db.query<{ visit_id: string; version: number; status: string }>(
        `SELECT visit_id, version, status FROM team_visit_versions WHERE visit_id = ANY($1::uuid[])
       ORDER BY visit_id, key`,
        [[ours.visitId, fresh.visitId]],
      );
      expect(onServer.filter((r) => r.visit_id === fresh.visitId)).toEqual([
        { visit_id: fresh.visitId, version: 1, status: 'head' },
      ]);
      expect(onServer.filter((r) => r.visit_id === ours.visitId).map((r) => r.status)).toEqual([
        'superseded',
        'head',
        'conflict',
      ]);
      const events = await db.query<{ id: string }>(
        `SELECT id::text AS id FROM events WHERE owner_id = $1 ORDER BY id`,
        [`account:${accountId}`],
      );
      expect(events.map((e) => e.id)).toEqual([event.id, request.id].sort());
      phone.close();
    });
  },
);
