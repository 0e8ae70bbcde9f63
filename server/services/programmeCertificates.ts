import type {
  AssignmentRecord,
  Course,
  EventOf,
  ProgrammeCertificate,
  ProgrammeCertificateAnswer,
  ProgrammeCertificateRequest,
} from '../../src/protocol';
import {
  currentRound,
  isProgramme,
  standingAssignments,
  targetReaches,
  type Programme,
} from '../../src/domain/assignments';
import { buildProgrammeCredential } from '../../src/domain/certificates/credential.ts';
import { masteredQuiz } from '../../src/domain/certificates/mastery.ts';
import { vietnamDay } from '../../src/domain/vietnamTime';
import type { Database } from '../db/database';
import { staffDirectory } from './agencyStaff';
import { achievementIdOf, nameSalt, sealCertificate, type IssuerSettings } from './certificates';
import { currentSigningKey } from './issuerKeys';
import { getOrganisation, roleIn, type Outcome } from './organisations';
import { ownerOfAccount } from './principal';

interface ProgrammeCertificateRow {
  id: string;
  profile_id: string;
  holder_name: string;
  issued_at: Date;
  key_id: string;
  credential: string;
  qr: string;
  revoked_at: Date | null;
  organisation_id: string;
  assignment_id: string;
  round: number;
  programme: { id: string; title: string; courses: string[] };
}

const SELECT_ROWS = `SELECT c.id, c.profile_id, c.holder_name, c.issued_at, c.key_id, c.credential,
    c.qr, c.revoked_at, c.organisation_id, c.assignment_id, c.round, a.record->'item' AS programme
  FROM certificates c JOIN assignments a ON a.id = c.assignment_id`;

function certificateOf(row: ProgrammeCertificateRow): ProgrammeCertificate {
  return {
    id: row.id,
    profileId: row.profile_id,
    organisationId: row.organisation_id,
    assignmentId: row.assignment_id,
    round: row.round,
    programmeId: row.programme.id,
    title: row.programme.title,
    courses: row.programme.courses,
    holderName: row.holder_name,
    issuedAt: new Date(row.issued_at).toISOString(),
    keyId: row.key_id,
    credential: JSON.parse(row.credential) as Record<string, unknown>,
    qr: row.qr,
    revoked: row.revoked_at !== null,
  };
}

/** The account's programme certificates, from every agency, oldest first. */
export async function ownProgrammeCertificates(
  db: Database,
  accountId: string,
): Promise<ProgrammeCertificate[]> {
  const rows = await db.query<ProgrammeCertificateRow>(
    `${SELECT_ROWS} WHERE c.owner_id = $1 ORDER BY c.issued_at, c.id`,
    [ownerOfAccount(accountId)],
  );
  return rows.map(certificateOf);
}

/** The programme, if it stands for the account today: assigned, not withdrawn, reaching them. */
async function standingProgramme(
  db: Database,
  organisationId: string,
  assignmentId: string,
  accountId: string,
): Promise<Programme | null> {
  const records = await db.query<{ record: AssignmentRecord }>(
    `SELECT record FROM assignments WHERE organisation_id = $1 ORDER BY seq`,
    [organisationId],
  );
  const programme = standingAssignments(records, null)
    .map(({ record }) => record)
    .filter(isProgramme)
    .find((p) => p.id === assignmentId);
  if (!programme) return null;
  const entry = (await staffDirectory(db, organisationId)).get(accountId);
  return targetReaches(programme.target, { accountId, ...entry }) ? programme : null;
}

/**
 * The programme's courses the account has not mastered, scored again from its own quiz answers
 * (never the phone's `passed` flag), as a course certificate is. In a later round of a yearly
 * programme only answers given since the round began count.
 */
async function coursesNotMastered(
  db: Database,
  accountId: string,
  programme: Programme,
  courses: ReadonlyMap<string, Course>,
  roundStart: string | null,
): Promise<string[]> {
  const answers = await db.query<{
    id: string;
    occurred_at: Date;
    payload: EventOf<'quiz.answered'>['payload'];
  }>(
    `SELECT id, occurred_at, payload FROM events WHERE owner_id = $1 AND type = 'quiz.answered'
       AND payload->>'courseId' = ANY($2::text[])`,
    [ownerOfAccount(accountId), programme.item.courses],
  );
  const counted = answers.filter(
    (a) => roundStart === null || vietnamDay(new Date(a.occurred_at)) >= roundStart,
  );
  return programme.item.courses.filter((courseId) => {
    const course = courses.get(courseId);
    if (!course) return true;
    const own = counted
      .filter((a) => a.payload.courseId === courseId)
      .map((a) => ({ ...a, type: 'quiz.answered' }) as unknown as EventOf<'quiz.answered'>);
    return !masteredQuiz(course.quiz.questions, course.mastery, own);
  });
}

/**
 * Signs the certificate of an agency's programme for one of its staff, once the server itself
 * finds, from the stored events, that every course of it is mastered and that the programme
 * stands for them. One per account, programme and round: asking again returns the same one.
 * Refused (forbidden) to anyone not a learner of the agency; answered `not_assigned` or
 * `not_mastered` otherwise.
 */
export async function requestProgrammeCertificate(
  db: Database,
  settings: IssuerSettings,
  courses: ReadonlyMap<string, Course>,
  accountId: string,
  organisationId: string,
  request: ProgrammeCertificateRequest,
  now = new Date(),
): Promise<Outcome<ProgrammeCertificateAnswer, 'forbidden' | 'not_found'>> {
  const org = await getOrganisation(db, organisationId);
  if (!org) return { ok: false, code: 'not_found' };
  if (org.kind !== 'agency' || (await roleIn(db, accountId, org.id)) !== 'learner') {
    return { ok: false, code: 'forbidden' };
  }
  const refused = (reason: 'not_assigned' | 'not_mastered', remaining: string[] = []) =>
    ({ ok: true, value: { status: 'refused', reason, remaining } }) as const;
  const programme = await standingProgramme(db, org.id, request.assignmentId, accountId);
  if (!programme) return refused('not_assigned');
  const round = currentRound(programme, vietnamDay(now));
  const owner = ownerOfAccount(accountId);
  const stored = async () => {
    const [row] = await db.query<ProgrammeCertificateRow>(
      `${SELECT_ROWS} WHERE c.owner_id = $1 AND c.assignment_id = $2 AND c.round = $3`,
      [owner, programme.id, round.round],
    );
    return (
      row && ({ ok: true, value: { status: 'signed', certificate: certificateOf(row) } } as const)
    );
  };
  const existing = await stored();
  if (existing) return existing;

  const roundStart = round.round === 0 ? null : round.start;
  const remaining = await coursesNotMastered(db, accountId, programme, courses, roundStart);
  if (remaining.length > 0) return refused('not_mastered', remaining);

  const key = await currentSigningKey(db, settings.privateKey);
  const covered = programme.item.courses.map((id) => ({
    id,
    title: courses.get(id)!.title.vi,
    achievementId: achievementIdOf(settings, id),
  }));
  const signed = await sealCertificate(
    settings,
    key,
    (id, issuedAt, issuer) =>
      buildProgrammeCredential({
        certificateId: id,
        issuer,
        achievementId: `urn:uuid:${programme.id}`,
        programme: { title: programme.item.title, agency: org.name },
        courses: covered,
        ...(programme.renewal === 'yearly' ? { roundStart: round.start } : {}),
        holderName: request.holderName,
        salt: nameSalt(),
        validFrom: issuedAt,
      }),
    {
      holderName: request.holderName,
      courseId: programme.item.id,
      courseTitle: programme.item.title,
    },
  );
  // Asked twice at once, the first stored wins; both answers name it.
  await db.query(
    `INSERT INTO certificates (id, owner_id, profile_id, course_id, request_id, holder_name,
       issued_at, key_id, credential, qr, organisation_id, assignment_id, round)
     VALUES ($1, $2, $3, $4, $1, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (owner_id, assignment_id, round) WHERE assignment_id IS NOT NULL DO NOTHING`,
    [
      signed.id,
      owner,
      request.profileId,
      `programme:${programme.id}:${round.round}`,
      request.holderName,
      signed.issuedAt,
      key.keyId,
      signed.credential,
      signed.qr,
      org.id,
      programme.id,
      round.round,
    ],
  );
  return (await stored())!;
}
