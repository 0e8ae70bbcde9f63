import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificatesResponseSchema,
  PROTOCOL_VERSION,
  type LearningEvent,
  eventRecord,
} from '../../src/protocol';
import { SUPERVISED_GENRE } from '../../src/domain/certificates/credential.ts';
import type { Database } from '../db/database';
import { testBackends, testServer } from '../testing';
import { certificateRequest, neededRight, quizAttempt, testCourse } from '../testkit/certificates';
import { obCredentialValidator } from '../testkit/obSchema';
import { buildWorld, request, type World } from '../testkit/world';

const backends = await testBackends();
const validate = obCredentialValidator();
const course = testCourse();

describe.each(backends)('supervised certificates on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;
  let call: ReturnType<typeof request>;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    call = request(app);
    world = await buildWorld(app, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const attest = (token: string, orgId: string, learnerAccountId: string, courseId = course.id) =>
    call('POST', `/api/orgs/${orgId}/attestations`, token, { learnerAccountId, courseId });

  async function earn(token: string, deviceId: string, profileId: string) {
    const events: LearningEvent[] = [
      ...quizAttempt(deviceId, profileId, neededRight(), true),
      certificateRequest(deviceId, profileId, 'Lê Thị Thu'),
    ];
    await call('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: events.map(eventRecord),
    });
    const listed = certificatesResponseSchema.parse(
      (await call('GET', '/api/certificates', token)).json(),
    );
    return listed.certificates.find((c) => c.profileId === profileId)!;
  }

  it('only a teacher or volunteer of the learner’s organisation attests, for a learner of it', async () => {
    const { actors, home, other } = world;
    const learner = actors.learner.accountId!;
    const classA = home.teacher!.id;
    expect((await attest(actors.learner.token, classA, learner)).statusCode).toBe(403);
    expect((await attest(actors.teacher.token, other.teacher!.id, learner)).statusCode).toBe(403);
    expect((await attest(actors.device.token, classA, learner)).statusCode).toBe(403);
    // A volunteer attests only for a learner of their own team: this one is not.
    expect((await attest(actors.volunteer.token, home.volunteer!.id, learner)).statusCode).toBe(
      404,
    );
    expect(
      (await attest(actors.teacher.token, classA, actors.volunteer.accountId!)).statusCode,
    ).toBe(404);
    expect((await attest(actors.teacher.token, classA, learner, 'no-such-course')).statusCode).toBe(
      404,
    );
  });

  it('a certificate signed under an open attestation says so, in the credential and on /verify', async () => {
    const { actors, home } = world;
    const learner = actors.learner;
    const attested = await attest(actors.teacher.token, home.teacher!.id, learner.accountId!);
    expect(attested.statusCode).toBe(201);
    const cert = await earn(learner.token, learner.deviceId, crypto.randomUUID());
    const evidence = (cert.credential as { evidence?: { genre: string; description: string }[] })
      .evidence;
    expect(evidence).toEqual([
      expect.objectContaining({ genre: SUPERVISED_GENRE, type: ['Evidence'] }),
    ]);
    expect(evidence![0]!.description).toContain(`class 00004`);
    expect(validate(cert.credential), JSON.stringify(validate.errors)).toBe(true);
    const page = await call('GET', `/verify?c=${encodeURIComponent(cert.qr)}`);
    expect(page.body).toContain('Quiz taken under supervision');

    // Signed now and for ever: attesting again is refused.
    expect(
      (await attest(actors.teacher.token, home.teacher!.id, learner.accountId!)).statusCode,
    ).toBe(409);
  });

  it('a certificate earned alone carries no evidence and /verify says it was taken alone', async () => {
    const { device } = world.actors;
    const cert = await earn(device.token, device.deviceId, crypto.randomUUID());
    expect(cert.credential).not.toHaveProperty('evidence');
    expect(validate(cert.credential)).toBe(true);
    const page = await call('GET', `/verify?c=${encodeURIComponent(cert.qr)}`);
    expect(page.body).toContain('Quiz taken alone');
  });
});
