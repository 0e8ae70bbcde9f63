import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../src/lib/ids';
import { PROTOCOL_VERSION, pushRequestSchema, visitVersionSchema } from '../src/protocol';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import {
  buildTeamWorld,
  makeVisit,
  toolkitRowCounts,
  visitOutcome,
  type TeamWorld,
} from './testkit/teamWorld';
import { brokenObject } from './testkit/fuzz';
import { request } from './testkit/world';

const backends = await testBackends();
const RUNS = 150;

/** A value of the wrong kind for wherever it lands. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    1e308,
    '',
    '💥',
    '\u0000',
    'a\ud800',
    '<script>',
    "' OR 1=1 --",
  ),
  fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
);

describe.each(backends)('fuzzing the team log push on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: TeamWorld;
  const url = '/api/sync/push';

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildTeamWorld(app, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers a broken envelope with a typed 4xx error and writes nothing', async () => {
    const visit = makeVisit(newRandomId());
    const valid = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: visit.deviceId,
      records: [{ kind: 'visit-version', id: `${visit.visitId}:1`, data: visit }],
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(brokenObject(valid, junk), junk).filter((body) => {
          // Keep only bodies that really are broken: a valid envelope of this protocol version
          // is stored record by record (tested below); of another version, refused as outdated.
          const version = (body as { protocolVersion?: unknown } | null)?.protocolVersion;
          return !(pushRequestSchema.safeParse(body).success && version === PROTOCOL_VERSION);
        }),
        async (body) => {
          const before = await toolkitRowCounts(db);
          const response = await request(app)('POST', url, world.tokens.volunteer, body);
          expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, response.body).toBeLessThan(500);
          expect(response.json<{ error: { code: string } }>().error.code).toMatch(
            /^(invalid_body|protocol_outdated)$/,
          );
          expect(await toolkitRowCounts(db)).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('stores a damaged version only if it is still valid, and says why when not', async () => {
    const base = makeVisit(world.teamA) as unknown as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(brokenObject(base, junk), async (damaged) => {
        const version = { ...damaged, visitId: newRandomId(), version: 1 };
        const deviceId = base.deviceId as string;
        const sent = [{ kind: 'visit-version', id: `${version.visitId}:1`, data: version }];
        const response = await request(app)('POST', url, world.tokens.volunteer, {
          protocolVersion: PROTOCOL_VERSION,
          deviceId,
          records: sent,
        });
        expect(response.statusCode, response.body).toBe(200);
        const body = visitOutcome({ json: () => response.json(), sent });
        const stored = await db.query<{ record: unknown }>(
          `SELECT record FROM team_visit_versions WHERE visit_id = $1`,
          [version.visitId],
        );
        const parsed = visitVersionSchema.safeParse(version);
        const ours = parsed.success && parsed.data.deviceId === deviceId;
        if (ours && parsed.data.teamId === world.teamA) {
          expect(body.accepted).toHaveLength(1);
          expect(stored.map((s) => s.record)).toEqual([JSON.parse(JSON.stringify(parsed.data))]);
        } else {
          expect(body.refused).toHaveLength(1);
          expect(body.refused[0]!.message.length).toBeGreaterThan(0);
          expect(stored).toHaveLength(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
