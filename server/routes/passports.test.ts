import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventRecord,
  passportSchema,
  PROTOCOL_VERSION,
  type LearningEvent,
  type Passport,
} from '../../src/protocol';
import { newRandomId } from '../../src/lib/ids';
import { lessonEvent, testEvent } from '../../src/test/events';
import { checkPassport } from '../../src/domain/passport/passport.ts';
import type { Database } from '../db/database';
import { certificateRequest, neededRight, quizAttempt, testCourse } from '../testkit/certificates';
import { request } from '../testkit/world';
import { publishedKeys } from '../services/issuerKeys';
import { testBackends, testServer } from '../testing';

const backends = await testBackends();

describe.each(backends)('progress passports on %s', (backend) => {
  let app: Awaited<ReturnType<typeof testServer>>['app'];
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
  });
  afterAll(async () => {
    await app.close();
  });

  async function device() {
    const deviceId = newRandomId();
    const response = await app.inject({
      method: 'POST',
      url: '/api/devices',
      payload: { protocolVersion: PROTOCOL_VERSION, deviceId },
    });
    expect(response.statusCode).toBe(201);
    return { deviceId, token: response.json<{ deviceToken: string }>().deviceToken };
  }

  async function push(actor: { deviceId: string; token: string }, events: LearningEvent[]) {
    const response = await request(app)('POST', '/api/sync/push', actor.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: actor.deviceId,
      records: events.map(eventRecord),
    });
    expect(response.statusCode).toBe(200);
  }

  const ask = (token: string, profileId: string) =>
    request(app)('POST', '/api/passports', token, { profileId, holderName: 'Nguyễn Thị Hoa' });

  it("holds exactly the profile's stored record, signed by a published issuer key", async () => {
    const phone = await device();
    const profileId = newRandomId();
    const sibling = newRandomId();
    const course = testCourse();
    const walkthrough = testEvent(phone.deviceId, profileId, {
      type: 'walkthrough.practised',
      payload: { walkthroughId: 'vneid-level-2', mistakes: 2, revealed: 0 },
    });
    const attempt = quizAttempt(phone.deviceId, profileId, neededRight(), true);
    const { attemptId } = (attempt[0] as LearningEvent & { payload: { attemptId: string } })
      .payload;
    await push(phone, [
      lessonEvent(phone.deviceId, profileId, 'phone-parts'),
      lessonEvent(phone.deviceId, profileId, 'touch-screen'),
      ...attempt,
      testEvent(phone.deviceId, profileId, {
        type: 'quiz.completed',
        payload: {
          courseId: course.id,
          attemptId,
          score: course.quiz.questions.length,
          total: course.quiz.questions.length,
          passed: true,
        },
      }),
      certificateRequest(phone.deviceId, profileId, 'Nguyễn Thị Hoa'),
      walkthrough,
      // Another person on the same phone: never in this profile's passport.
      lessonEvent(phone.deviceId, sibling, 'other-lesson', 'other-course'),
    ]);
    // The certificate is signed when the phone next reads its certificates.
    expect((await request(app)('GET', '/api/certificates', phone.token)).statusCode).toBe(200);

    const response = await ask(phone.token, profileId);
    expect(response.statusCode).toBe(200);
    const passport: Passport = passportSchema.parse(response.json());
    expect(checkPassport(passport, await publishedKeys(db))).toEqual({ ok: true, passport });
    expect(passport.holderName).toBe('Nguyễn Thị Hoa');
    expect(passport.courses.map((c) => c.courseId)).toEqual(
      [course.id, 'smartphone-basics'].sort(),
    );
    const basics = passport.courses.find((c) => c.courseId === 'smartphone-basics')!;
    expect(basics.completedLessons).toEqual(['phone-parts', 'touch-screen']);
    const passed = passport.courses.find((c) => c.courseId === course.id)!;
    expect(passed).toMatchObject({ passed: true, completedAttempts: [attemptId] });
    expect(passport.walkthroughs).toEqual([
      expect.objectContaining({
        walkthroughId: 'vneid-level-2',
        practiceRuns: [walkthrough.id],
        fewestMistakes: 2,
      }),
    ]);
    expect(passport.certificates.map((c) => c.courseId)).toEqual([course.id]);
    // No other personal data: no device id, no profile id, not the other person's lesson.
    expect(response.body).not.toContain(phone.deviceId);
    expect(response.body).not.toContain(profileId);
    expect(response.body).not.toContain('other-course');

    // A signature over the body: any change to it fails.
    const altered = { ...passport, courses: passport.courses.slice(1) };
    expect(checkPassport(altered, await publishedKeys(db))).toEqual({
      ok: false,
      reason: 'altered',
    });
    // Each passport is a new one (its own id): a replay is told apart on the phone.
    const again = passportSchema.parse((await ask(phone.token, profileId)).json());
    expect(again.id).not.toBe(passport.id);
  });

  it("refuses another device's profile exactly like one with nothing stored", async () => {
    const owner = await device();
    const other = await device();
    const profileId = newRandomId();
    await push(owner, [lessonEvent(owner.deviceId, profileId)]);
    expect((await ask(owner.token, profileId)).statusCode).toBe(200);
    const theirs = await ask(other.token, profileId);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('not_found');
    expect((await ask(other.token, newRandomId())).statusCode).toBe(404);
    expect(
      (await request(app)('POST', '/api/passports', undefined, { profileId })).statusCode,
    ).toBe(401);
  });
});
