import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import {
  certificatesResponseSchema,
  issuersResponseSchema,
  PROTOCOL_VERSION,
  type LearningEvent,
  eventRecord,
} from '../../src/protocol';
import { credentialHash } from '../../src/domain/certificates/canonicalJson.ts';
import { decodeCompact, verifyCompact } from '../../src/domain/certificates/compactCode.ts';
import { verifyRevocationList } from '../../src/domain/certificates/revocations.ts';
import { verifyLink } from '../../src/domain/certificates/verifyLink.ts';
import { testEvent } from '../../src/test/events';
import { quizAttempt, testCourse } from '../testkit/certificates';
import type { Database } from '../db/database';
import { rotateIssuerKey, revokeIssuerKey } from '../services/issuerKeys';
import { testBackends, testServer } from '../testing';
import { request } from '../testkit/world';

const backends = await testBackends();
const course = testCourse();
const event = testEvent;
const attempt = (d: string, p: string, right: number, claim: boolean) =>
  quizAttempt(d, p, right, claim);

describe.each(backends)('certificates on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let call: ReturnType<typeof request>;
  let deviceId: string;
  let token: string;
  const profileId = newRandomId();

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    call = request(app);
    deviceId = newRandomId();
    const registered = await call('POST', '/api/devices', undefined, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
    });
    token = registered.json<{ deviceToken: string }>().deviceToken;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const push = (events: LearningEvent[]) =>
    call('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: events.map(eventRecord),
    });
  const list = async () =>
    certificatesResponseSchema.parse((await call('GET', '/api/certificates', token)).json());
  const requestFor = (courseId: string) =>
    event(deviceId, profileId, {
      type: 'certificate.requested',
      payload: { courseId, holderName: 'Nguyễn Thị Hoa' },
    });

  it('never signs on the client flags: a failed attempt claiming "correct" stays unsigned', async () => {
    const needed = Math.ceil(course.mastery * course.quiz.questions.length);
    await push([...attempt(deviceId, profileId, needed - 1, true), requestFor(course.id)]);
    const answer = await list();
    expect(answer.certificates).toEqual([]);
    expect(answer.pending).toEqual([{ profileId, courseId: course.id, reason: 'not_mastered' }]);
  });

  it('refuses a course it does not know', async () => {
    await push([requestFor('no-such-course')]);
    expect((await list()).pending).toContainEqual({
      profileId,
      courseId: 'no-such-course',
      reason: 'unknown_course',
    });
  });

  it('signs once the answers really master the quiz, and a repeated request returns the same one', async () => {
    const needed = Math.ceil(course.mastery * course.quiz.questions.length);
    // Right answers flagged wrong: the server scores them itself.
    await push([...attempt(deviceId, profileId, needed, false), requestFor(course.id)]);
    // Signed as the push stored the request, before anyone asks for the list.
    const stored = await db.query<{ course_id: string }>(
      `SELECT course_id FROM certificates WHERE profile_id = $1`,
      [profileId],
    );
    expect(stored).toEqual([{ course_id: course.id }]);
    const first = await list();
    expect(first.certificates).toHaveLength(1);
    const cert = first.certificates[0]!;
    expect(cert).toMatchObject({ profileId, courseId: course.id, holderName: 'Nguyễn Thị Hoa' });
    expect(cert.revoked).toBe(false);
    await push([requestFor(course.id)]);
    const again = await list();
    expect(again.certificates.map((c) => c.id)).toEqual([cert.id]);
    expect(again.certificates[0]!.qr).toBe(cert.qr);

    const decoded = decodeCompact(cert.qr);
    if ('error' in decoded) throw new Error(decoded.error);
    expect(decoded.claims).toMatchObject({
      certificateId: cert.id,
      holderName: 'Nguyễn Thị Hoa',
      courseId: course.id,
      courseTitle: course.title.vi,
      keyId: cert.keyId,
      credentialHash: credentialHash(cert.credential),
    });
    expect(cert.credential.id).toBe(`urn:uuid:${cert.id}`);
    const subject = cert.credential.credentialSubject as { achievement: { id: string } };
    const published = await call('GET', new URL(subject.achievement.id).pathname);
    expect(published.json()).toMatchObject({ ...subject.achievement });
    expect((await call('GET', '/api/certificates/achievements/nope')).statusCode).toBe(404);
  });

  it('publishes keys and a signed revocation list; an admin revocation shows as revoked', async () => {
    const [cert] = (await list()).certificates;
    const issuers = issuersResponseSchema.parse(
      (await call('GET', '/api/certificates/issuers')).json(),
    );
    const revocations = (await call('GET', '/api/certificates/revocations')).json();
    const checked = verifyRevocationList(revocations, issuers.keys);
    if (!checked.ok) throw new Error(checked.reason);
    expect(verifyCompact(cert!.qr, issuers.keys, checked.revoked).status).toBe('valid');
    // A list shortened in transit fails its signature.
    const shortened = { ...revocations, revoked: [], updatedAt: new Date().toISOString() };
    expect(verifyRevocationList(shortened, issuers.keys)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });

    const page = await call('GET', `/verify?c=${encodeURIComponent(cert!.qr)}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('data-status="valid"');
    expect(page.body).toContain('Nguyễn Thị Hoa');
    const tampered = `${cert!.qr.slice(0, 30)}${cert!.qr[30] === 'A' ? 'B' : 'A'}${cert!.qr.slice(31)}`;
    expect((await call('GET', `/verify?c=${encodeURIComponent(tampered)}`)).body).toContain(
      'data-status="tampered"',
    );
    // The printed QR's link, as a phone's camera opens it, in either case.
    const link = new URL(verifyLink('https://hocso.example.vn', cert!.qr)).pathname;
    for (const path of [link, link.toLowerCase()]) {
      const scanned = await call('GET', path);
      expect(scanned.body).toContain('data-status="valid"');
      expect(scanned.body).toContain('Nguyễn Thị Hoa');
    }
    const at = link.length - 10;
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    expect((await call('GET', changed)).body).toContain('data-status="tampered"');

    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [
      await adminAccount(),
    ]);
    const revoke = await call('POST', `/api/certificates/${cert!.id}/revoke`, adminToken, {
      reason: 'Cấp nhầm',
    });
    expect(revoke.statusCode).toBe(200);
    const twice = await call('POST', `/api/certificates/${cert!.id}/revoke`, adminToken, {
      reason: 'Cấp nhầm',
    });
    expect(twice.statusCode).toBe(409);
    const after = verifyRevocationList(
      (await call('GET', '/api/certificates/revocations')).json(),
      issuers.keys,
    );
    if (!after.ok) throw new Error(after.reason);
    expect(verifyCompact(cert!.qr, issuers.keys, after.revoked).status).toBe('revoked');
    expect((await list()).certificates[0]!.revoked).toBe(true);
    expect((await call('GET', `/verify?c=${encodeURIComponent(cert!.qr)}`)).body).toContain(
      'data-status="revoked"',
    );
    const audited = await db.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action = 'certificate_revoked'`,
    );
    expect(audited).toEqual([{ action: 'certificate_revoked', target: cert!.id }]);
  });

  let adminToken = '';
  async function adminAccount(): Promise<string> {
    const response = await call('POST', '/api/auth/sign-up', undefined, {
      username: `admin-${newRandomId().slice(0, 8)}`,
      displayName: 'Admin',
      password: 'correct horse battery',
    });
    const body = response.json<{ account: { id: string }; accessToken: string }>();
    adminToken = body.accessToken;
    return body.account.id;
  }

  it('rotation: a new key signs new certificates, old ones still verify; a revoked key fails them', async () => {
    const oldCert = (await list()).certificates[0]!;
    const newKey = await rotateIssuerKey(db);
    const other = newRandomId();
    const needed = Math.ceil(course.mastery * course.quiz.questions.length);
    await push([
      ...attempt(deviceId, other, needed, true),
      event(deviceId, other, {
        type: 'certificate.requested',
        payload: { courseId: course.id, holderName: 'Trần Văn Bình' },
      }),
    ]);
    const fresh = (await list()).certificates.find((c) => c.profileId === other)!;
    expect(fresh.keyId).toBe(newKey);
    const keys = issuersResponseSchema.parse(
      (await call('GET', '/api/certificates/issuers')).json(),
    ).keys;
    expect(keys.map((k) => k.keyId)).toEqual(expect.arrayContaining([oldCert.keyId, newKey]));
    expect(verifyCompact(fresh.qr, keys, new Set()).status).toBe('valid');
    expect(verifyCompact(oldCert.qr, keys, new Set()).status).toBe('valid');
    await revokeIssuerKey(db, oldCert.keyId);
    const after = issuersResponseSchema.parse(
      (await call('GET', '/api/certificates/issuers')).json(),
    ).keys;
    expect(verifyCompact(oldCert.qr, after, new Set()).status).toBe('revoked');
    expect(verifyCompact(fresh.qr, after, new Set()).status).toBe('valid');
    expect(verifyCompact(fresh.qr, [], new Set()).status).toBe('unknown_issuer');
  });

  it('a certificate earned before signing in moves to the account with the claim', async () => {
    const mine = (await list()).certificates.find((c) => c.profileId === profileId)!;
    const signUp = await call('POST', '/api/auth/sign-up', undefined, {
      username: `hoa-${backend}`,
      displayName: 'Hoa',
      password: 'mat-khau-du-dai',
    });
    const accountToken = signUp.json<{ accessToken: string }>().accessToken;
    const claim = await call('POST', '/api/account/claim', accountToken, {
      deviceToken: token,
      profileId,
    });
    expect(claim.statusCode).toBe(200);
    const onAccount = certificatesResponseSchema.parse(
      (await call('GET', '/api/certificates', accountToken)).json(),
    ).certificates;
    // The very same certificate (same id, same signed code), not a second one.
    expect(onAccount.filter((c) => c.courseId === mine.courseId)).toEqual([mine]);
    expect((await list()).certificates.some((c) => c.id === mine.id)).toBe(false);
  });
});
