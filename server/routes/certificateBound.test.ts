import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import {
  certificatesResponseSchema,
  PROTOCOL_VERSION,
  type LearningEvent,
  eventRecord,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { SIGNATURES_PER_REQUEST } from '../services/certificates';
import { testServer } from '../testing';
import { certificateRequest, neededRight, quizAttempt } from '../testkit/certificates';
import { request } from '../testkit/world';

/**
 * Issue 15: one push with 45 certificate requests stalled the server 0.7 s while it signed them
 * all. Each request now signs a few; the rest follow on the device's next calls.
 */
describe('certificate signing per request', () => {
  let app: Awaited<ReturnType<typeof testServer>>['app'];
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await testServer('pglite'));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('signs at most a few per push or list, and every earned one in the end', async () => {
    const call = request(app);
    const deviceId = newRandomId();
    const registered = await call('POST', '/api/devices', undefined, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
    });
    const token = registered.json<{ deviceToken: string }>().deviceToken;
    const push = (events: LearningEvent[]) =>
      call('POST', '/api/sync/push', token, {
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        records: events.map(eventRecord),
      });
    // 45 profiles on one shared phone, each having mastered the course.
    const profiles = Array.from({ length: 45 }, () => newRandomId());
    const answers = profiles.flatMap((p) => quizAttempt(deviceId, p, neededRight(), false));
    for (let i = 0; i < answers.length; i += 400) {
      expect((await push(answers.slice(i, i + 400))).statusCode).toBe(200);
    }
    const requests = profiles.map((p, i) => certificateRequest(deviceId, p, `Người học ${i}`));
    expect((await push(requests)).statusCode).toBe(200);
    const signed = async () =>
      Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM certificates'))[0]!.n);
    expect(await signed()).toBe(SIGNATURES_PER_REQUEST);

    let lists = 0;
    while ((await signed()) < 45 && lists < 20) {
      const listed = certificatesResponseSchema.parse(
        (await call('GET', '/api/certificates', token)).json(),
      );
      expect(listed.pending).toEqual([]);
      lists += 1;
    }
    expect(await signed()).toBe(45);
    expect(lists).toBe(Math.ceil((45 - SIGNATURES_PER_REQUEST) / SIGNATURES_PER_REQUEST));
  });
});
