import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../src/lib/ids';
import { eventRecord, PROTOCOL_HEADER, PROTOCOL_VERSION, type PushRequest } from '../src/protocol';
import { eventBatch } from '../src/test/events';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import { brokenObject } from './testkit/fuzz';
import { readPushAnswer } from './testkit/pushAnswer';

const backends = await testBackends();
const RUNS_PER_ROUTE = 2_500;

/** A value of the wrong kind for wherever it lands. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 50 }),
  fc.constantFrom(null, true, -1, 1e308, '', '💥', '\u0000', '<script>', "' OR 1=1 --"),
  fc.constant('x'.repeat(300_000)),
  fc.array(fc.integer(), { minLength: 600, maxLength: 700 }),
);

/** A valid body made invalid, or not an object at all. */
function broken(valid: Record<string, unknown>) {
  return fc.oneof(
    brokenObject(valid, junk),
    junk.filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
  );
}

describe.each(backends)('fuzzing the public routes on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let deviceId: string;
  let deviceToken: string;
  let accountToken: string;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    deviceId = newRandomId();
    deviceToken = (
      await app.inject({
        method: 'POST',
        url: '/api/devices',
        payload: { protocolVersion: PROTOCOL_VERSION, deviceId },
      })
    ).json().deviceToken;
    accountToken = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { username: 'fuzzer', displayName: 'Fuzzer', password: 'long enough password' },
      })
    ).json().accessToken;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function rowCounts() {
    const rows = await db.query<{ table_name: string; n: string | number }>(
      `SELECT 'events' AS table_name, count(*) AS n FROM events
       UNION ALL SELECT 'accounts', count(*) FROM accounts
       UNION ALL SELECT 'memberships', count(*) FROM memberships
       UNION ALL SELECT 'access_tokens', count(*) FROM access_tokens
       UNION ALL SELECT 'join_uses', coalesce(sum(uses), 0) FROM join_codes`,
    );
    return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]));
  }

  async function expectClearRefusal(
    method: 'GET' | 'POST',
    url: string,
    token: string | undefined,
    body: unknown,
  ) {
    const response = await app.inject({
      method,
      url,
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(method === 'POST' ? { payload: JSON.stringify(body) } : {}),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
    if (response.statusCode === 200 && url.startsWith('/api/sync/push')) {
      // Records that fail their kind's schema are refused one by one with a reason; none is stored.
      const sent = (body as PushRequest).records;
      expect(readPushAnswer(sent, response.json()).accepted).toEqual([]);
      return;
    }
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    const error = response.json<{ error: { code: string; message: string } }>().error;
    expect(error.code.length).toBeGreaterThan(0);
    expect(error.message.length).toBeGreaterThan(0);
  }

  it(
    `answers ${4 * RUNS_PER_ROUTE} malformed bodies to push, pull, sign-in and join with clear errors, writing nothing`,
    { timeout: 600_000 },
    async () => {
      const before = await rowCounts();
      const [validEvent] = eventBatch(deviceId, 1);
      const brokenEvent = broken(validEvent as unknown as Record<string, unknown>);
      const validRecord = eventRecord(validEvent!);
      const cases = [
        {
          route: 'push',
          arbitrary: fc.oneof(
            broken({ protocolVersion: PROTOCOL_VERSION, deviceId, records: [validRecord] }),
            fc.array(brokenEvent, { minLength: 1, maxLength: 5 }).map((events) => ({
              protocolVersion: PROTOCOL_VERSION,
              deviceId,
              records: events.map((data) => ({ ...validRecord, data })),
            })),
          ),
          send: (body: unknown) => expectClearRefusal('POST', '/api/sync/push', deviceToken, body),
        },
        {
          route: 'pull',
          arbitrary: fc.record({ kind: junk, since: junk, limit: junk, scope: junk, extra: junk }),
          send: (query: Record<string, unknown>) =>
            expectClearRefusal(
              'GET',
              `/api/sync/pull?${new URLSearchParams(
                Object.entries(query).map(([k, v]) => [k, JSON.stringify(v).slice(0, 500)]),
              )}`,
              deviceToken,
              undefined,
            ),
        },
        {
          route: 'sign-in',
          arbitrary: broken({ login: 'fuzzer', password: 'long enough password' }),
          send: (body: unknown) => expectClearRefusal('POST', '/api/auth/sign-in', undefined, body),
        },
        {
          route: 'join',
          arbitrary: broken({ code: 'ABCD-EFGH' }),
          send: (body: unknown) => expectClearRefusal('POST', '/api/join', accountToken, body),
        },
      ] as const;
      for (const { route, arbitrary, send } of cases) {
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(arbitrary as fc.Arbitrary<never>, async (body) => send(body)),
          { numRuns: RUNS_PER_ROUTE },
        );
        console.log(
          `${backend} ${route}: ${RUNS_PER_ROUTE} malformed requests in ${Math.round(performance.now() - started)} ms`,
        );
      }
      const after = await rowCounts();
      expect(after).toEqual(before);
    },
  );
});
