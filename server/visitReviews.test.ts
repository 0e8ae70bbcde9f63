import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEventId, newRandomId } from '../src/lib/ids';
import {
  PROTOCOL_VERSION,
  pushResponseSchema,
  pullResponseSchema,
  reviewRecord,
  type VisitReview,
} from '../src/protocol';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  buildTeamWorld,
  makeVisit,
  pushVisits,
  TEAM_PRINCIPALS,
  type TeamPrincipal,
  type TeamWorld,
} from './testkit/teamWorld';
// Every answer is checked against the server's OpenAPI document.
import { documentedRequest as request } from './testkit/openapi';

const backends = await testBackends();
const DEVICE = '0190f5a4-1c2b-7000-8000-00000000d0e1';

type Who = TeamPrincipal | 'device';
const WHO: Who[] = [...TEAM_PRINCIPALS, 'device'];
/** Who leads and who volunteers in each team of the team world. */
const LEADER = { A: 'leader', B: 'otherLeader' } as const;
const MEMBERS = {
  A: ['volunteer', 'volunteer2', 'leader'],
  B: ['otherVolunteer', 'otherLeader'],
} as const;

describe.each(backends)('visit reviews on the one sync path, on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: TeamWorld;
  const tokens = {} as Record<Who, string>;
  /** A visit logged in each team by its first volunteer. */
  const visits = {} as Record<'A' | 'B', { teamId: string; visitId: string }>;

  const review = (side: 'A' | 'B', over: Partial<VisitReview> = {}): VisitReview => ({
    id: newEventId(),
    deviceId: DEVICE,
    teamId: visits[side].teamId,
    visitId: visits[side].visitId,
    version: 1,
    decision: 'sent_back',
    comment: 'Thiếu thời gian, hãy sửa lại',
    madeAt: '2026-11-29T10:00:00+07:00',
    ...over,
  });
  const push = (token: string, reviews: VisitReview[]) =>
    request(app)('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: DEVICE,
      records: reviews.map(reviewRecord),
    });
  const stored = async (id: string) =>
    (await db.query(`SELECT 1 FROM visit_reviews WHERE id = $1`, [id])).length;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildTeamWorld(app, db);
    Object.assign(tokens, world.tokens);
    const device = await request(app)('POST', '/api/devices', undefined, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: newRandomId(),
    });
    tokens.device = device.json<{ deviceToken: string }>().deviceToken;
    const a = makeVisit(world.teamA);
    const b = makeVisit(world.teamB);
    expect((await pushVisits(app, tokens.volunteer, [a])).statusCode).toBe(200);
    expect((await pushVisits(app, tokens.otherVolunteer, [b])).statusCode).toBe(200);
    visits.A = { teamId: world.teamA, visitId: a.visitId };
    visits.B = { teamId: world.teamB, visitId: b.visitId };
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  for (const side of ['A', 'B'] as const) {
    it.each(WHO)(`only the leader of team ${side} may review its visits: %s`, async (who) => {
      const record = review(side);
      const response = await push(tokens[who], [record]);
      if (who === LEADER[side]) {
        expect(response.statusCode, response.body).toBe(200);
        expect(pushResponseSchema.parse(response.json()).refused).toEqual([]);
        expect(await stored(record.id)).toBe(1);
        return;
      }
      if (response.statusCode === 200) {
        expect(pushResponseSchema.parse(response.json())).toMatchObject({
          refused: [{ kind: 'visit-review', id: record.id, reason: 'forbidden_scope' }],
        });
      } else {
        // A device token names another phone than the batch: refused whole.
        expect(response.statusCode).toBe(403);
      }
      expect(await stored(record.id)).toBe(0);
    });

    it.each(WHO)(`team ${side}'s reviews are pulled by its members only: %s`, async (who) => {
      const mine = review(side, { comment: `Xem lại, ${who}` });
      await push(tokens[LEADER[side]], [mine]);
      const response = await request(app)(
        'GET',
        `/api/sync/pull?kind=visit-review&limit=1000&scope=org:${visits[side].teamId}`,
        tokens[who],
      );
      if (!(MEMBERS[side] as readonly string[]).includes(who)) {
        expect(response.statusCode).toBe(403);
        expect(response.body).not.toContain('Xem lại');
        return;
      }
      expect(response.statusCode, response.body).toBe(200);
      const ids = pullResponseSchema
        .parse(response.json())
        .records.map((r) => (r.kind === 'visit-review' ? r.data : null));
      // The leader and the volunteer who logged the visit read it; another volunteer does not.
      const reads = who === LEADER[side] || who === 'volunteer' || who === 'otherVolunteer';
      expect(ids.some((r) => r?.id === mine.id)).toBe(reads);
      if (reads) {
        const pulled = ids.find((r) => r?.id === mine.id)!;
        expect(pulled).toMatchObject({
          comment: `Xem lại, ${who}`,
          madeBy: { accountId: world.ids[LEADER[side]] },
        });
      }
    });
  }

  it('refuses a review of another team’s visit, and a send-back with no comment', async () => {
    const elsewhere = review('A', { visitId: visits.B.visitId });
    const silent = review('A', { comment: undefined });
    const response = await push(tokens.leader, [elsewhere, silent]);
    expect(response.statusCode).toBe(200);
    const body = pushResponseSchema.parse(response.json());
    expect(body.refused.map((r) => [r.id, r.reason]).sort()).toEqual(
      [
        [elsewhere.id, 'wrong_team'],
        [silent.id, 'invalid_record'],
      ].sort(),
    );
    expect(await stored(elsewhere.id)).toBe(0);
    expect(await stored(silent.id)).toBe(0);
  });

  it('takes a retried review once, and refuses another record under its id', async () => {
    const approved = review('A', { decision: 'approved', comment: undefined });
    for (let i = 0; i < 2; i += 1) {
      const body = pushResponseSchema.parse((await push(tokens.leader, [approved])).json());
      expect(body.refused).toEqual([]);
    }
    expect(await stored(approved.id)).toBe(1);
    const body = pushResponseSchema.parse(
      (await push(tokens.leader, [{ ...approved, decision: 'sent_back', comment: 'khác' }])).json(),
    );
    expect(body.refused).toMatchObject([{ id: approved.id, reason: 'id_conflict' }]);
  });
});
