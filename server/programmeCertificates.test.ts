import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCompact } from '../src/domain/certificates/compactCode';
import { credentialMatchesCode } from '../src/domain/certificates/credential';
import { verifyLink } from '../src/domain/certificates/verifyLink';
import { CERTIFICATE_EXPORT_HEADERS } from '../src/domain/compliance';
import { localText } from '../src/domain/exportCells';
import { vietnamDay } from '../src/domain/vietnamTime';
import { newEventId, newRandomId } from '../src/lib/ids';
import {
  assignmentRecord,
  certificatesResponseSchema,
  complianceReportSchema,
  eventRecord,
  programmeCertificateAnswerSchema,
  programmeCertificatesResponseSchema,
  pushResponseSchema,
  PROTOCOL_VERSION,
  revocationListSchema,
  type AssignmentRecord,
  type ImportedStaff,
  type LearningEvent,
} from '../src/protocol';
import { testAssignment, testWithdrawal } from '../src/test/assignments';
import { testEvent } from '../src/test/events';
import { courseCatalog } from './certificates/catalog';
import type { Database } from './db/database';
import { issuerSettings } from './routes/certificates';
import { publishedKeys } from './services/issuerKeys';
import { requestProgrammeCertificate } from './services/programmeCertificates';
import { testBackends, testServer } from './testing';
import { neededRight, quizAttempt } from './testkit/certificates';
import { obCredentialValidator } from './testkit/obSchema';
import { buildWorld, request, type World } from './testkit/world';

const backends = await testBackends();

const COURSES = ['digital-government-work', 'e-documents-signatures'];
const UNITS = ['Văn phòng', 'Phòng Tư pháp'];
const TITLE = 'Kỹ năng số cơ bản cho cán bộ, công chức — 2026';
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

describe.each(backends)('programme certificates on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;
  let agencyId: string;
  let staff: ImportedStaff[];
  let programme: Extract<AssignmentRecord, { action: 'assign' }>;
  const call = () => request(app);
  const admin = () => world.actors.agency_admin;
  const course = (id: string) => courseCatalog().get(id)!;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildWorld(app, db);
    agencyId = world.home.agency_admin!.id;
    const rows = Array.from({ length: 4 }, (_, i) => ({
      row: i + 2,
      staffNumber: `CB${i + 1}`,
      fullName: `Trần Thị Cán Bộ ${i + 1}`,
      unit: UNITS[i % 2]!,
      position: 'Chuyên viên',
      phone: '',
    }));
    const imported = await call()('POST', `/api/orgs/${agencyId}/staff`, admin().token, { rows });
    expect(imported.statusCode, imported.body).toBe(201);
    staff = imported.json<{ imported: ImportedStaff[] }>().imported;
    const [unit] = await db.query<{ id: string }>(
      `SELECT id FROM agency_units WHERE organisation_id = $1 AND name = $2`,
      [agencyId, UNITS[0]],
    );
    programme = {
      ...testAssignment(admin().deviceId, agencyId, {
        item: {
          kind: 'programme',
          id: 'ky-nang-so-2026',
          title: TITLE,
          courses: COURSES,
        },
        target: { kind: 'unit', unitId: unit!.id },
        dueDate: null,
      }),
      renewal: 'yearly',
    };
    await pushAssignments([programme]);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function pushAssignments(records: AssignmentRecord[]) {
    const response = await call()('POST', '/api/sync/push', admin().token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: admin().deviceId,
      records: records.map(assignmentRecord),
    });
    expect(pushResponseSchema.parse(response.json()).refused).toEqual([]);
  }

  async function signIn(member: ImportedStaff): Promise<string> {
    const response = await call()('POST', '/api/auth/sign-in', undefined, {
      login: member.username,
      password: member.password,
    });
    return response.json<{ accessToken: string }>().accessToken;
  }

  async function learn(token: string, events: LearningEvent[]) {
    const deviceId = newRandomId();
    const response = await call()('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: events.map((e) => eventRecord({ ...e, deviceId })),
    });
    expect(pushResponseSchema.parse(response.json()).refused).toEqual([]);
  }

  const inUnit = () => staff.filter((s) => s.unit === UNITS[0]) as [ImportedStaff, ImportedStaff];
  const elsewhere = () => staff.find((s) => s.unit === UNITS[1])!;
  const profileId = newRandomId();

  async function ask(token: string, assignmentId = programme.id, orgId = agencyId) {
    return call()('POST', `/api/orgs/${orgId}/programme-certificates`, token, {
      assignmentId,
      profileId,
      holderName: 'Trần Thị Cán Bộ',
    });
  }
  const answer = async (token: string, assignmentId?: string, orgId?: string) => {
    const response = await ask(token, assignmentId, orgId);
    expect(response.statusCode, response.body).toBe(200);
    return programmeCertificateAnswerSchema.parse(response.json());
  };

  it('refuses while a course is not mastered, naming the courses left', async () => {
    const [finisher] = inUnit();
    const token = await signIn(finisher);
    expect(await answer(token)).toEqual({
      status: 'refused',
      reason: 'not_mastered',
      remaining: COURSES,
    });
    const first = course(COURSES[0]!);
    await learn(token, quizAttempt(newRandomId(), profileId, neededRight(first), true, first));
    // The phone's "passed" flag alone never counts: the server scores the answers itself.
    const second = course(COURSES[1]!);
    await learn(token, [
      ...quizAttempt(newRandomId(), profileId, neededRight(second) - 1, true, second),
      testEvent(newRandomId(), profileId, {
        type: 'quiz.completed',
        payload: { courseId: second.id, attemptId: newEventId(), score: 8, total: 8, passed: true },
      }),
    ]);
    expect(await answer(token)).toEqual({
      status: 'refused',
      reason: 'not_mastered',
      remaining: [COURSES[1]],
    });
  });

  it('refuses staff the programme does not reach, and another agency’s programme', async () => {
    const other = await signIn(elsewhere());
    const all = COURSES.map(course);
    await learn(
      other,
      all.flatMap((c) => quizAttempt(newRandomId(), profileId, neededRight(c), true, c)),
    );
    expect(await answer(other)).toEqual({
      status: 'refused',
      reason: 'not_assigned',
      remaining: [],
    });

    // A programme of agency B: asked for in agency A it is not assigned; in B, not a member.
    const agencyB = world.other.agency_admin!.id;
    const theirs = testAssignment(newRandomId(), agencyB, {
      item: { kind: 'programme', id: 'chuong-trinh-khac', title: TITLE, courses: COURSES },
    });
    await db.query(
      `INSERT INTO assignments (id, organisation_id, action, made_by, record)
       VALUES ($1, $2, 'assign', $3, $4)`,
      [theirs.id, agencyB, world.members.get(agencyB)![0], JSON.stringify(theirs)],
    );
    const [finisher] = inUnit();
    const token = await signIn(finisher);
    expect(await answer(token, theirs.id)).toMatchObject({ reason: 'not_assigned' });
    expect((await ask(token, theirs.id, agencyB)).statusCode).toBe(403);
    // The agency's admin, a teacher and a learner of a class are not its staff.
    for (const role of ['agency_admin', 'teacher', 'learner'] as const) {
      expect((await ask(world.actors[role].token)).statusCode).toBe(403);
    }
    expect((await ask(token, programme.id, newRandomId())).statusCode).toBe(404);
  });

  it('signs once every course is mastered: OB 3.0 valid, naming its courses, its QR verifies', async () => {
    const [finisher] = inUnit();
    const token = await signIn(finisher);
    const second = course(COURSES[1]!);
    await learn(token, quizAttempt(newRandomId(), profileId, neededRight(second), true, second));
    const signed = await answer(token);
    if (signed.status !== 'signed') throw new Error(`refused: ${signed.reason}`);
    const certificate = signed.certificate;
    expect(certificate).toMatchObject({
      assignmentId: programme.id,
      organisationId: agencyId,
      round: 0,
      programmeId: 'ky-nang-so-2026',
      title: TITLE,
      courses: COURSES,
      revoked: false,
    });

    const validate = obCredentialValidator();
    expect(validate(certificate.credential), JSON.stringify(validate.errors)).toBe(true);
    const achievement = (
      certificate.credential.credentialSubject as {
        achievement: { achievementType: string; alignment: { targetCode: string }[] };
      }
    ).achievement;
    expect(achievement.achievementType).toBe('Certificate');
    expect(achievement.alignment.map((a) => a.targetCode)).toEqual(COURSES);

    const verified = verifyCompact(certificate.qr, await publishedKeys(db), new Set());
    expect(verified.status).toBe('valid');
    expect(verified.claims).toMatchObject({
      certificateId: certificate.id,
      courseId: 'ky-nang-so-2026',
      courseTitle: TITLE,
      holderName: 'Trần Thị Cán Bộ',
    });
    expect(credentialMatchesCode(certificate.credential, verified.claims!)).toBe(true);

    // Asked again (another phone, a retry): the same certificate.
    const again = await answer(token);
    expect(again.status === 'signed' && again.certificate.id).toBe(certificate.id);
    const listed = await call()('GET', '/api/programme-certificates', token);
    expect(
      programmeCertificatesResponseSchema.parse(listed.json()).certificates.map((c) => c.id),
    ).toEqual([certificate.id]);
    // Course certificates' list (which older apps read) never carries it.
    const courses = await call()('GET', '/api/certificates', token);
    expect(certificatesResponseSchema.parse(courses.json()).certificates).toEqual([]);
    const download = await call()('GET', `/api/certificates/${certificate.id}/credential`, token);
    expect(download.json()).toEqual(certificate.credential);

    // The agency's report names it, with the link its QR holds, in the JSON and the CSV.
    const reportRow = async () =>
      complianceReportSchema
        .parse((await call()('GET', `/api/orgs/${agencyId}/compliance`, admin().token)).json())
        .rows.find((r) => r.accountId === finisher.accountId);
    const link = verifyLink(issuerSettings().url, certificate.qr);
    expect((await reportRow())?.certificate).toEqual({
      id: certificate.id,
      issuedOn: vietnamDay(new Date(certificate.issuedAt)),
      verifyLink: link,
    });
    const csv = await call()('GET', `/api/orgs/${agencyId}/compliance.csv`, admin().token);
    const lines = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(lines[0]!.slice(-2)).toEqual([...CERTIFICATE_EXPORT_HEADERS]);
    const line = lines.find((l) => l[0] === finisher.staffNumber)!;
    expect(line.slice(-2)).toEqual([
      localText({ kind: 'date', iso: vietnamDay(new Date(certificate.issuedAt)) }),
      link,
    ]);

    // Revoked like any certificate: on the signed list every phone verifies against.
    const revoke = await call()(
      'POST',
      `/api/certificates/${certificate.id}/revoke`,
      world.actors.system_admin.token,
      { reason: 'Cấp nhầm' },
    );
    expect(revoke.statusCode, revoke.body).toBe(200);
    const list = await call()('GET', '/api/certificates/revocations');
    expect(revocationListSchema.parse(list.json()).revoked).toContain(certificate.id);
    // …and the report no longer names it.
    expect((await reportRow())?.certificate).toBeNull();
  });

  it('a yearly programme’s next round needs the courses mastered again', async () => {
    const [finisher] = inUnit();
    const nextYear = new Date(Date.now() + YEAR_MS);
    const outcome = await requestProgrammeCertificate(
      db,
      issuerSettings(),
      courseCatalog(),
      finisher.accountId,
      agencyId,
      { assignmentId: programme.id, profileId, holderName: 'Trần Thị Cán Bộ' },
      nextYear,
    );
    expect(outcome).toEqual({
      ok: true,
      value: { status: 'refused', reason: 'not_mastered', remaining: COURSES },
    });
  });

  it('refuses a withdrawn programme', async () => {
    const [, colleague] = inUnit();
    const token = await signIn(colleague);
    const all = COURSES.map(course);
    await learn(
      token,
      all.flatMap((c) => quizAttempt(newRandomId(), profileId, neededRight(c), true, c)),
    );
    await pushAssignments([testWithdrawal(admin().deviceId, agencyId, programme.id)]);
    expect(await answer(token)).toMatchObject({ status: 'refused', reason: 'not_assigned' });
  });
});
