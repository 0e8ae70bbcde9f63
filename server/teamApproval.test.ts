import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  buildTeamWorld,
  makeVisit,
  pushVisits,
  signUp,
  TEAM_PRINCIPALS,
  type TeamWorld,
} from './testkit/teamWorld';
import { COMMUNE_A, request } from './testkit/world';

const backends = await testBackends();

/**
 * Issue 15: any account could start a team in any commune and add hundreds of visits to that
 * commune official's figures. A team now counts there once the commune's official or a system
 * admin approves it.
 */
describe.each(backends)('who decides which teams count in a commune, on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: TeamWorld;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildTeamWorld(app, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const total = async () =>
    (
      await request(app)('GET', `/api/communes/${COMMUNE_A}/visits-summary`, world.tokens.official)
    ).json<{ total: number; byTeam: { key: string }[] }>();

  /** A stranger's team in commune A with 30 visits logged: pending until approved. */
  const strangerTeam = async () => {
    const stranger = await signUp(app, 'stranger');
    const created = await request(app)('POST', '/api/orgs', stranger.token, {
      kind: 'team',
      name: 'Đội lạ',
      communeCode: COMMUNE_A,
    });
    expect(created.statusCode).toBe(201);
    const teamId = created.json<{ id: string }>().id;
    const visits = Array.from({ length: 30 }, () => makeVisit(teamId));
    expect((await pushVisits(app, stranger.token, visits)).statusCode).toBe(200);
    return teamId;
  };

  it('keeps a team anyone started out of the commune figures until its official approves it', async () => {
    const before = await total();
    const teamId = await strangerTeam();
    expect(await total()).toEqual(before);

    const pending = await request(app)(
      'GET',
      '/api/officials/pending-teams',
      world.tokens.official,
    );
    expect(pending.json<{ id: string }[]>().map((t) => t.id)).toEqual([teamId]);

    const approve = await request(app)(
      'POST',
      `/api/orgs/${teamId}/approve`,
      world.tokens.official,
    );
    expect(approve.statusCode).toBe(200);
    const after = await total();
    expect(after.total).toBe(before.total + 30);
    expect(after.byTeam.map((t) => t.key)).toContain(teamId);
    const again = await request(app)('POST', `/api/orgs/${teamId}/approve`, world.tokens.official);
    expect(again.statusCode).toBe(409);
  });

  it.each(TEAM_PRINCIPALS)(
    'lets only commune A’s official and a system admin see and approve a team of A (%s)',
    async (who) => {
      const teamId = await strangerTeam();
      const list = await request(app)('GET', '/api/officials/pending-teams', world.tokens[who]);
      expect(list.statusCode).toBe(200);
      const sees = list.json<{ id: string }[]>().some((t) => t.id === teamId);
      const decides = who === 'official' || who === 'admin';
      expect(sees).toBe(decides);
      const approve = await request(app)('POST', `/api/orgs/${teamId}/approve`, world.tokens[who]);
      expect(approve.statusCode).toBe(decides ? 200 : 403);
    },
  );

  it('approves a team its commune’s official starts, and refuses the routes without a token', async () => {
    const created = await request(app)('POST', '/api/orgs', world.tokens.official, {
      kind: 'team',
      name: 'Đội xã',
      communeCode: COMMUNE_A,
    });
    const teamId = created.json<{ id: string }>().id;
    const pending = await request(app)('GET', '/api/officials/pending-teams', world.tokens.admin);
    expect(pending.json<{ id: string }[]>().map((t) => t.id)).not.toContain(teamId);
    expect((await request(app)('GET', '/api/officials/pending-teams')).statusCode).toBe(401);
    expect((await request(app)('POST', `/api/orgs/${teamId}/approve`)).statusCode).toBe(401);
  });
});
