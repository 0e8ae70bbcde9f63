import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ResolveConflictResponse,
  TeamRoster,
  VisitConflictsResponse,
  VisitListResponse,
} from '../src/protocol';
import {
  PROTOCOL_VERSION,
  resolveConflictResponseSchema,
  teamRosterSchema,
  visitConflictsResponseSchema,
  visitListResponseSchema,
  pushResponseSchema,
  MAX_PUSH_BATCH,
} from '../src/protocol';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  amend,
  buildTeamWorld,
  makeVisit,
  pushVisits,
  toolkitRowCounts,
  visitOutcome,
  type TeamWorld,
} from './testkit/teamWorld';
import { request } from './testkit/world';

const backends = await testBackends();
const uuid0 = '00000000-0000-4000-8000-000000000000';

describe.each(backends)('team log push and conflicts on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: TeamWorld;
  const push = (token: string, versions: unknown[]) => pushVisits(app, token, versions);

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildTeamWorld(app, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('stores a first version, and the same version again adds no row', async () => {
    const v1 = makeVisit(world.teamA);
    const first = await push(world.tokens.volunteer, [v1]);
    expect(first.statusCode, first.body).toBe(200);
    const ref = { visitId: v1.visitId, version: 1 };
    expect(visitOutcome(first)).toEqual({ accepted: [ref], conflicts: [], refused: [] });
    const before = await toolkitRowCounts(db);
    const again = await push(world.tokens.volunteer, [{ ...v1 }]);
    expect(visitOutcome(again)).toEqual({ accepted: [ref], conflicts: [], refused: [] });
    expect((await toolkitRowCounts(db)).team_visit_versions).toBe(before.team_visit_versions);
  });

  it('makes an amendment of the head the new head, applying a batch in version order', async () => {
    const v1 = makeVisit(world.teamA);
    const v2 = amend(v1, { minutes: 30 });
    const v3 = amend(v2, { outcome: 'partly', outcomeReason: 'Thiếu giấy tờ' });
    const response = await push(world.tokens.volunteer, [v3, v1, v2]);
    expect(visitOutcome(response).accepted).toHaveLength(3);
    const list = await request(app)('GET', `/api/teams/${world.teamA}/visits`, world.tokens.leader);
    visitListResponseSchema.parse(list.json());
    pushResponseSchema.parse(response.json());
    const head = list.json<VisitListResponse>().visits.find((v) => v.record.visitId === v1.visitId);
    expect(head?.record).toEqual(v3);
    expect(head?.hasConflict).toBe(false);
  });

  it('flags two phones amending the same record, and the leader chooses which stands', async () => {
    const v1 = makeVisit(world.teamA);
    const phoneA = amend(v1, { minutes: 20, deviceId: '0190f5a4-1c2b-7000-8000-00000000d00a' });
    const phoneB = amend(v1, { minutes: 25, deviceId: '0190f5a4-1c2b-7000-8000-00000000d00b' });
    // Each phone pushes its own versions: the first logged the visit, A amended it first.
    await push(world.tokens.volunteer, [v1]);
    await push(world.tokens.volunteer, [phoneA]);
    const second = await push(world.tokens.volunteer, [phoneB]);
    expect(visitOutcome(second)).toEqual({
      accepted: [],
      conflicts: [{ visitId: v1.visitId, version: 2 }],
      refused: [],
    });

    const conflicts = (
      await request(app)('GET', `/api/teams/${world.teamA}/conflicts`, world.tokens.leader)
    ).json<VisitConflictsResponse>().conflicts;
    visitConflictsResponseSchema.parse({ conflicts });
    const entry = conflicts.find((c) => c.visitId === v1.visitId)!;
    expect(entry.head?.record).toEqual(phoneA);
    expect(entry.rivals.map((r) => r.record)).toEqual([phoneB]);

    const resolveUrl = `/api/teams/${world.teamA}/visits/${v1.visitId}/resolve`;
    const chosen = entry.rivals[0]!.key;
    const resolved = await request(app)('POST', resolveUrl, world.tokens.leader, {
      chooseVersionKey: chosen,
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const body = resolveConflictResponseSchema.parse(resolved.json<ResolveConflictResponse>());
    expect(body.head.record).toEqual(phoneB);
    expect(body.superseded).toEqual([entry.head!.key]);

    const audit = await db.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_log WHERE action = 'visit_resolved'`,
    );
    expect(audit.at(-1)?.details).toMatchObject({ visit: v1.visitId, chosen, superseded: 1 });
    // Nothing is dropped: all three versions are still stored.
    const stored = await db.query<{ status: string }>(
      `SELECT status FROM team_visit_versions WHERE visit_id = $1 ORDER BY key`,
      [v1.visitId],
    );
    expect(stored.map((s) => s.status)).toEqual(['superseded', 'superseded', 'head']);

    const again = await request(app)('POST', resolveUrl, world.tokens.leader, {
      chooseVersionKey: chosen,
    });
    expect(again.json()).toMatchObject({ error: { code: 'conflict' } });
    const unknown = await request(app)('POST', resolveUrl, world.tokens.leader, {
      chooseVersionKey: '999999999',
    });
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses each bad version with its reason and stores the rest', async () => {
    const good = makeVisit(world.teamA);
    const bad = { ...makeVisit(world.teamA), minutes: 0 };
    const otherTeam = makeVisit(world.teamB);
    const noCommune = makeVisit(world.teamA, { communeCode: '99999' });
    const nul = makeVisit(world.teamA, { village: 'Thôn\u00001' });
    const response = await push(world.tokens.volunteer, [good, bad, otherTeam, nul, noCommune]);
    const body = visitOutcome(response);
    expect(body.accepted).toEqual([{ visitId: good.visitId, version: 1 }]);
    expect(body.refused.map((r) => [r.visitId, r.reason])).toEqual([
      [bad.visitId, 'invalid_record'],
      [nul.visitId, 'invalid_record'],
      [noCommune.visitId, 'unknown_commune'],
      // A team this volunteer is not in: its versions are not theirs to write.
      [otherTeam.visitId, 'forbidden_scope'],
    ]);
    expect(body.refused[0]!.message).toMatch(/^minutes: /);
    const stored = await db.query(`SELECT 1 FROM team_visits WHERE visit_id = ANY($1::uuid[])`, [
      [bad.visitId, otherTeam.visitId, nul.visitId, noCommune.visitId],
    ]);
    expect(stored).toHaveLength(0);
  });

  it('lets a volunteer add only to their own records; a leader to any', async () => {
    const v1 = makeVisit(world.teamA);
    await push(world.tokens.volunteer, [v1]);
    const byOther = await push(world.tokens.volunteer2, [amend(v1, { minutes: 40 })]);
    expect(visitOutcome(byOther).refused).toMatchObject([{ reason: 'not_owner' }]);
    const byLeader = await push(world.tokens.leader, [amend(v1, { minutes: 45 })]);
    expect(visitOutcome(byLeader).accepted).toHaveLength(1);
  });

  it('refuses a record id that another team already uses', async () => {
    const v1 = makeVisit(world.teamB);
    await push(world.tokens.otherVolunteer, [v1]);
    const response = await push(world.tokens.leader, [{ ...v1, teamId: world.teamA }]);
    expect(visitOutcome(response).refused).toMatchObject([{ reason: 'wrong_team' }]);
  });

  it('keeps exactly one head when two phones push rival versions at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const v1 = makeVisit(world.teamA);
      await push(world.tokens.volunteer, [v1]);
      const rivals = [20, 25, 30].map((minutes) => amend(v1, { minutes }));
      const answers = await Promise.all(rivals.map((r) => push(world.tokens.volunteer, [r])));
      const bodies = answers.map(visitOutcome);
      expect(bodies.map((b) => b.accepted.length).sort()).toEqual([0, 0, 1]);
      expect(bodies.flatMap((b) => b.conflicts)).toHaveLength(2);
      const stored = await db.query<{ status: string }>(
        `SELECT status FROM team_visit_versions WHERE visit_id = $1 ORDER BY status`,
        [v1.visitId],
      );
      expect(stored.map((r) => r.status)).toEqual(['conflict', 'conflict', 'head', 'superseded']);
    }
  });

  it('keeps exactly one head when two phones push a new record’s first version at once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const v1 = makeVisit(world.teamA);
      const twin = { ...v1, deviceId: '0190f5a4-1c2b-7000-8000-00000000d00b' };
      await Promise.all([push(world.tokens.volunteer, [v1]), push(world.tokens.volunteer, [twin])]);
      const stored = await db.query<{ status: string }>(
        `SELECT status FROM team_visit_versions WHERE visit_id = $1 ORDER BY status`,
        [v1.visitId],
      );
      expect(stored.map((r) => r.status)).toEqual(['conflict', 'head']);
    }
  });

  const versionRecord = (data: unknown) => ({ kind: 'visit-version', id: `${uuid0}:1`, data });
  const envelope = { protocolVersion: PROTOCOL_VERSION, deviceId: makeVisit(uuid0).deviceId };
  const malformed: [string, unknown, number, string][] = [
    ['a body that is not an object', 'visits', 400, 'invalid_body'],
    ['no records', { ...envelope, records: [] }, 400, 'invalid_body'],
    ['records that are not a list', { ...envelope, records: {} }, 400, 'invalid_body'],
    [
      `${MAX_PUSH_BATCH + 1} records`,
      {
        ...envelope,
        records: Array.from({ length: MAX_PUSH_BATCH + 1 }, () => versionRecord(makeVisit(uuid0))),
      },
      400,
      'invalid_body',
    ],
    [
      'a record without an id',
      { ...envelope, records: [{ kind: 'visit-version', data: { version: 1 } }] },
      400,
      'invalid_body',
    ],
    [
      'an unknown field',
      { ...envelope, records: [versionRecord(makeVisit(uuid0))], x: 1 },
      400,
      'invalid_body',
    ],
    [
      'an outdated app',
      { ...envelope, protocolVersion: 1, records: [versionRecord(makeVisit(uuid0))] },
      426,
      'protocol_outdated',
    ],
  ];

  it.each(malformed)(
    'refuses %s with a typed error and writes nothing',
    async (_n, body, status, code) => {
      const before = await toolkitRowCounts(db);
      const response = await request(app)('POST', '/api/sync/push', world.tokens.volunteer, body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ error: { code } });
      expect(await toolkitRowCounts(db)).toEqual(before);
    },
  );

  it('refuses versions for a team that does not exist or is not a team, writing nothing', async () => {
    const before = await toolkitRowCounts(db);
    const missing = visitOutcome(await push(world.tokens.volunteer, [makeVisit(uuid0)]));
    expect(missing.refused).toMatchObject([{ reason: 'forbidden_scope' }]);
    const aClass = visitOutcome(await push(world.tokens.leader, [makeVisit(world.classA)]));
    expect(aClass.refused).toMatchObject([{ reason: 'forbidden_scope' }]);
    expect(await toolkitRowCounts(db)).toEqual(before);
  });

  it('shows the leader each member with role, last push and records logged', async () => {
    const roster = (
      await request(app)('GET', `/api/teams/${world.teamA}/roster`, world.tokens.leader)
    ).json<TeamRoster>();
    teamRosterSchema.parse(roster);
    const byId = new Map(roster.members.map((m) => [m.accountId, m]));
    expect([...byId.keys()].sort()).toEqual(
      [world.ids.leader, world.ids.volunteer, world.ids.volunteer2].sort(),
    );
    const heads = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM team_visits t WHERE t.volunteer_id = $1 AND EXISTS (
         SELECT 1 FROM team_visit_versions v WHERE v.visit_id = t.visit_id AND v.status = 'head')`,
      [world.ids.volunteer],
    );
    expect(byId.get(world.ids.volunteer)).toMatchObject({
      role: 'volunteer',
      visitCount: Number(heads[0]!.n),
    });
    expect(byId.get(world.ids.volunteer)!.lastPushAt).not.toBeNull();
    expect(byId.get(world.ids.volunteer2)!.visitCount).toBe(0);
  });
});
