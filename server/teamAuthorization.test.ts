import type { FastifyInstance } from 'fastify';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../src/lib/ids';
import {
  PROTOCOL_VERSION,
  type PushRequest,
  type VisitConflictsResponse,
  type VisitListResponse,
  type VisitVersion,
} from '../src/protocol';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  amend,
  buildTeamWorld,
  makeVisit,
  pushVisits,
  TEAM_PRINCIPALS,
  visitOutcome,
  type TeamPrincipal,
  type TeamWorld,
} from './testkit/teamWorld';
// Every answer the matrix receives is checked against the server's OpenAPI document.
import { documentedRequest as request } from './testkit/openapi';
import { COMMUNE_A, COMMUNE_B } from './testkit/world';

const backends = await testBackends();

/** Anything personal or naming a person or a record. */
const PERSONAL = /Kín|0987654321|displayName|visitId|volunteer|leader/;

/** What a reader of the response sees: the JSON or CSV text, or every cell of the XLSX sheet. */
async function textOf(payload: Buffer, format: string): Promise<string> {
  if (format !== '.xlsx') return payload.toString('utf8');
  return (await readSheet(payload)).flat().join('|');
}

/** The principals of the matrix: everyone of the team world, plus a device without an account. */
type Who = TeamPrincipal | 'device';
const WHO: Who[] = [...TEAM_PRINCIPALS, 'device'];

/** Personal data logged in each team: must never reach anyone but that team. */
const SECRET = { A: 'Kín A', B: 'Kín B', phone: '0987654321' };

type Relation = 'volunteer' | 'leader' | 'none';
const TEAM_ROLE: Record<'A' | 'B', Partial<Record<Who, Relation>>> = {
  A: { volunteer: 'volunteer', volunteer2: 'volunteer', leader: 'leader' },
  B: { otherVolunteer: 'volunteer', otherLeader: 'leader' },
};

interface TeamRoute {
  name: string;
  allowed: Relation[];
  call: (team: string, who: Who) => Promise<[method: 'GET' | 'POST', url: string, body?: unknown]>;
}

describe.each(backends)('team toolkit authorization matrix on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: TeamWorld;
  const tokens = {} as Record<Who, string>;
  const teams = {} as Record<'A' | 'B', string>;

  const personal = (side: 'A' | 'B', over: Partial<VisitVersion> = {}) =>
    makeVisit(teams[side], {
      village: `Thôn ${SECRET[side]}`,
      person: { name: SECRET[side], phone: SECRET.phone, ageBand: '36-59' },
      note: `Ghi chú ${SECRET[side]}`,
      ...over,
    });

  /** A fresh record with a flagged version, logged by the team's volunteer: to resolve. */
  const conflictIn = async (side: 'A' | 'B') => {
    const logger = side === 'A' ? tokens.volunteer : tokens.otherVolunteer;
    const v1 = personal(side);
    await pushVisits(app, logger, [v1, amend(v1, { minutes: 20 })]);
    await pushVisits(app, logger, [amend(v1, { minutes: 30 })]);
    const [rival] = await db.query<{ key: string }>(
      `SELECT key::text AS key FROM team_visit_versions WHERE visit_id = $1 AND status = 'conflict'`,
      [v1.visitId],
    );
    return { visitId: v1.visitId, key: rival!.key };
  };

  const ROUTES: TeamRoute[] = [
    {
      name: 'push',
      allowed: ['volunteer', 'leader'],
      call: async (team) => {
        const version = personal(team === teams.A ? 'A' : 'B');
        return [
          'POST',
          '/api/sync/push',
          {
            protocolVersion: PROTOCOL_VERSION,
            deviceId: version.deviceId,
            records: [{ kind: 'visit-version', id: `${version.visitId}:1`, data: version }],
          },
        ];
      },
    },
    {
      name: 'pull',
      allowed: ['volunteer', 'leader'],
      call: async (t) => ['GET', `/api/sync/pull?kind=visit-version&limit=1000&scope=org:${t}`],
    },
    {
      name: 'list',
      allowed: ['volunteer', 'leader'],
      call: async (t) => ['GET', `/api/teams/${t}/visits`],
    },
    {
      name: 'conflicts',
      allowed: ['leader'],
      call: async (t) => ['GET', `/api/teams/${t}/conflicts`],
    },
    {
      name: 'resolve',
      allowed: ['leader'],
      call: async (team) => {
        const { visitId, key } = await conflictIn(team === teams.A ? 'A' : 'B');
        return ['POST', `/api/teams/${team}/visits/${visitId}/resolve`, { chooseVersionKey: key }];
      },
    },
    {
      name: 'dashboard',
      allowed: ['leader'],
      call: async (t) => ['GET', `/api/teams/${t}/dashboard`],
    },
    { name: 'roster', allowed: ['leader'], call: async (t) => ['GET', `/api/teams/${t}/roster`] },
    {
      name: 'CSV export',
      allowed: ['leader'],
      call: async (t) => ['GET', `/api/teams/${t}/visits.csv`],
    },
    {
      name: 'XLSX export',
      allowed: ['leader'],
      call: async (t) => ['GET', `/api/teams/${t}/visits.xlsx`],
    },
  ];

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildTeamWorld(app, db);
    Object.assign(tokens, world.tokens);
    teams.A = world.teamA;
    teams.B = world.teamB;
    const device = await request(app)('POST', '/api/devices', undefined, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: newRandomId(),
    });
    tokens.device = device.json<{ deviceToken: string }>().deviceToken;
    for (const [who, side] of [
      ['volunteer', 'A'],
      ['volunteer2', 'A'],
      ['leader', 'A'],
      ['otherVolunteer', 'B'],
    ] as const) {
      await pushVisits(app, tokens[who], [personal(side), personal(side)]);
    }
    // A flagged record in each team, for the conflicts route to show its leader.
    await conflictIn('A');
    await conflictIn('B');
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A refusal says why and nothing else: no record, no name, no figure. */
  const expectRefused = (status: number, body: string, expected: number[]) => {
    expect(expected, `${status} ${body}`).toContain(status);
    expect(Object.keys(JSON.parse(body) as object)).toEqual(['error']);
    expect(body).not.toMatch(/Kín|0987654321|visitId|displayName/);
  };

  const headsOf = async (team: string, volunteer: string | null) =>
    (
      await db.query<{ visit_id: string }>(
        `SELECT t.visit_id FROM team_visits t JOIN team_visit_versions v
           ON v.visit_id = t.visit_id AND v.status = 'head'
         WHERE t.team_id = $1 AND ($2::uuid IS NULL OR t.volunteer_id = $2)`,
        [team, volunteer],
      )
    )
      .map((r) => r.visit_id)
      .sort();

  for (const route of ROUTES) {
    for (const side of ['A', 'B'] as const) {
      it.each(WHO)(`${route.name} on team ${side} as %s`, async (who) => {
        const relation = TEAM_ROLE[side][who] ?? 'none';
        const [method, url, body] = await route.call(teams[side], who);
        const response = await request(app)(method, url, tokens[who], body);
        const other = side === 'A' ? SECRET.B : SECRET.A;
        // A push's answer is read against the records it carried.
        const pushed = () => ({ json: () => response.json(), sent: (body as PushRequest).records });
        if (route.name === 'push' && !route.allowed.includes(relation)) {
          // The one push takes every kind: a version for a team the caller may not write is
          // refused alone, with its reason and nothing else (a device token names another
          // phone than the batch, so its whole batch is refused).
          if (response.statusCode === 200) {
            expect(visitOutcome(pushed())).toMatchObject({
              accepted: [],
              refused: [{ reason: 'forbidden_scope' }],
            });
            expect(response.body).not.toMatch(/Kín|0987654321|displayName/);
          } else {
            expectRefused(response.statusCode, response.body, [403]);
          }
          const { data } = (body as { records: { data: VisitVersion }[] }).records[0]!;
          expect(
            await db.query(`SELECT 1 FROM team_visits WHERE visit_id = $1`, [data.visitId]),
          ).toHaveLength(0);
          return;
        }
        if (!route.allowed.includes(relation)) {
          expectRefused(response.statusCode, response.body, [403]);
          if (route.name === 'resolve') {
            const key = (body as { chooseVersionKey: string }).chooseVersionKey;
            const [row] = await db.query<{ status: string }>(
              `SELECT status FROM team_visit_versions WHERE key = $1`,
              [key],
            );
            expect(row?.status).toBe('conflict');
          }
          return;
        }
        expect(response.statusCode, response.body).toBe(200);
        expect(response.body).not.toContain(other);
        if (route.name === 'push') {
          expect(visitOutcome(pushed()).accepted).toHaveLength(1);
        }
        if (route.name === 'list') {
          const own = relation === 'leader' ? null : world.ids[who as TeamPrincipal];
          const listed = response.json<VisitListResponse>().visits.map((v) => v.record.visitId);
          expect(listed.sort()).toEqual(await headsOf(teams[side], own));
        }
        if (route.name === 'pull') {
          // A volunteer pulls the versions of the visits they logged; a leader the team's.
          const own = relation === 'leader' ? null : world.ids[who as TeamPrincipal];
          const pulled = response.json<{ records: { data: { record: VisitVersion } }[] }>();
          const visits = new Set(pulled.records.map((r) => r.data.record.visitId));
          const logged = await db.query<{ visit_id: string }>(
            `SELECT visit_id FROM team_visits WHERE team_id = $1 AND ($2::uuid IS NULL OR volunteer_id = $2)`,
            [teams[side], own],
          );
          expect([...visits].sort()).toEqual(logged.map((r) => r.visit_id).sort());
        }
        if (route.name === 'conflicts') {
          const { conflicts } = response.json<VisitConflictsResponse>();
          expect(conflicts.length).toBeGreaterThan(0);
          const teamsSeen = conflicts.flatMap((c) => c.rivals.map((r) => r.record.teamId));
          expect(new Set(teamsSeen)).toEqual(new Set([teams[side]]));
        }
      });
    }
  }

  it.each(ROUTES)('$name refuses a caller without a token', async (route) => {
    const [method, url, body] = await route.call(teams.A, 'volunteer');
    const response = await request(app)(method, url, undefined, body);
    expectRefused(response.statusCode, response.body, [401]);
  });

  const SUMMARY_FORMATS = ['', '.csv', '.xlsx'];
  for (const format of SUMMARY_FORMATS) {
    for (const [code, official] of [
      [COMMUNE_A, 'official'],
      [COMMUNE_B, 'otherOfficial'],
    ] as const) {
      it.each(WHO)(`commune ${code} summary${format} as %s`, async (who) => {
        const url = `/api/communes/${code}/visits-summary${format}`;
        const response = await request(app)('GET', url, tokens[who]);
        if (who === 'admin' || who === official) {
          expect(response.statusCode, response.body).toBe(200);
          expect(await textOf(response.rawPayload, format)).not.toMatch(PERSONAL);
        } else {
          expectRefused(response.statusCode, response.body, [403]);
        }
      });
    }

    it.each(WHO)(`province summary${format} as %s`, async (who) => {
      const response = await request(app)(
        'GET',
        `/api/provinces/01/visits-summary${format}`,
        tokens[who],
      );
      if (who === 'admin' || who === 'official' || who === 'otherOfficial') {
        expect(response.statusCode, response.body).toBe(200);
        expect(await textOf(response.rawPayload, format)).not.toMatch(PERSONAL);
        if (format === '' && who !== 'admin') {
          const own = who === 'official' ? COMMUNE_A : COMMUNE_B;
          const communes = response.json<{ byCommune: { key: string }[] }>().byCommune;
          expect(communes.map((c) => c.key).every((key) => key === own)).toBe(true);
        }
      } else {
        expectRefused(response.statusCode, response.body, [403]);
      }
    });

    it(`refuses summaries${format} without a token`, async () => {
      for (const url of [
        `/api/communes/${COMMUNE_A}/visits-summary${format}`,
        `/api/provinces/01/visits-summary${format}`,
      ]) {
        const response = await request(app)('GET', url);
        expectRefused(response.statusCode, response.body, [401]);
      }
    });
  }
});
