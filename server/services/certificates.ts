import { randomBytes, randomUUID } from 'node:crypto';
import { base64urlnopad } from '@scure/base';
import type {
  CertificateRecord,
  Course,
  EventOf,
  PendingCertificate,
  RevocationList,
} from '../../src/protocol';
import { credentialHash } from '../../src/domain/certificates/canonicalJson.ts';
import { encodeCompact } from '../../src/domain/certificates/compactCode.ts';
import { buildCredential, type Supervision } from '../../src/domain/certificates/credential.ts';
import { masteredQuiz } from '../../src/domain/certificates/mastery.ts';
import { signRevocationList } from '../../src/domain/certificates/revocations.ts';
import { vietnamDay } from '../../src/domain/vietnamTime.ts';
import { signCredential } from '../certificates/proof.ts';
import type { Database } from '../db/database';
import { openSupervision, useAttestation } from './attestations';
import { currentSigningKey, type SigningKey } from './issuerKeys';

export interface IssuerSettings {
  /** The public address of this server, e.g. https://hocso.example.vn. */
  url: string;
  name: string;
  /** ISSUER_PRIVATE_KEY when configured; else a stored key is generated at first start. */
  privateKey?: string;
}

export function issuerId(settings: IssuerSettings): string {
  return `${settings.url.replace(/\/+$/, '')}/api/certificates/issuers`;
}

/** Where a course's Achievement is published (GET answers it as JSON). */
export function achievementIdOf(settings: IssuerSettings, courseId: string): string {
  return `${settings.url.replace(/\/+$/, '')}/api/certificates/achievements/${courseId}`;
}

/** What a certificate says of its course: the achievement's id, title, summary and pass mark. */
export function achievementOf(settings: IssuerSettings, course: Course) {
  return {
    achievementId: achievementIdOf(settings, course.id),
    course: {
      title: course.title.vi,
      summary: course.summary.vi,
      mastery: course.mastery,
      questions: course.quiz.questions.length,
    },
  };
}

export interface CertificateRow {
  id: string;
  profile_id: string;
  course_id: string;
  holder_name: string;
  issued_at: Date;
  key_id: string;
  credential: string;
  qr: string;
  revoked_at: Date | null;
}

export function certificateRecordOf(row: CertificateRow): CertificateRecord {
  return {
    id: row.id,
    profileId: row.profile_id,
    courseId: row.course_id,
    holderName: row.holder_name,
    issuedAt: new Date(row.issued_at).toISOString(),
    keyId: row.key_id,
    credential: JSON.parse(row.credential) as Record<string, unknown>,
    qr: row.qr,
    revoked: row.revoked_at !== null,
  };
}

/** What the QR code names besides the certificate: who, which course (or programme), its title. */
export interface CompactSubject {
  holderName: string;
  courseId: string;
  courseTitle: string;
}

/**
 * Signs a built credential (Data Integrity proof) and encodes its compact QR code: the one way
 * a course's and a programme's certificates are sealed.
 */
export async function sealCertificate(
  settings: IssuerSettings,
  key: SigningKey,
  build: (id: string, issuedAt: string, issuer: { id: string; name: string }) => object,
  subject: CompactSubject,
) {
  const id = randomUUID();
  const issuedAt = new Date().toISOString();
  const issuer = { id: issuerId(settings), name: settings.name };
  const credential = build(id, issuedAt, issuer) as Record<string, unknown>;
  const signed = await signCredential(credential, key.privateKey, {
    verificationMethod: `${issuer.id}#${key.keyId}`,
    created: issuedAt,
  });
  const qr = encodeCompact(
    {
      certificateId: id,
      credentialHash: credentialHash(signed),
      holderName: subject.holderName,
      courseId: subject.courseId,
      courseTitle: subject.courseTitle.slice(0, 120),
      level: 'basic',
      // The day in Vietnam: a quiz passed at 06:00 on 30/11 there is 23:00 on 29/11 in UTC.
      issuedOn: vietnamDay(new Date(issuedAt)),
      keyId: key.keyId,
    },
    key.privateKey,
    key.keyId,
  );
  return { id, issuedAt, credential: JSON.stringify(signed), qr };
}

/** A fresh salt for the holder's hashed name. */
export function nameSalt(): string {
  return base64urlnopad.encode(randomBytes(16));
}

/** Builds, signs and encodes one certificate (exported for the credential tests and the bench). */
export async function signCertificate(
  settings: IssuerSettings,
  key: SigningKey,
  course: Course,
  holderName: string,
  supervision: Supervision | null = null,
) {
  return sealCertificate(
    settings,
    key,
    (id, issuedAt, issuer) =>
      buildCredential({
        certificateId: id,
        issuer,
        ...achievementOf(settings, course),
        holderName,
        salt: nameSalt(),
        validFrom: issuedAt,
        supervision,
      }),
    { holderName, courseId: course.id, courseTitle: course.title.vi },
  );
}

/**
 * Certificates signed in one request at most (about 15 ms of CPU each): one push of 45 requests
 * stalled the server 0.7 s. Those beyond wait, unreported, for the owner's next push or list.
 */
export const SIGNATURES_PER_REQUEST = 5;

/**
 * Signs what the owner asked for and earned: for each (profile, course) with a
 * `certificate.requested` event and no certificate yet, the owner's own quiz answers are scored
 * again against the answer key. Idempotent: a certificate is signed once, later requests return
 * it. Signs at most `SIGNATURES_PER_REQUEST`. Returns the requests left unsigned, with their reason.
 */
export async function processRequests(
  db: Database,
  settings: IssuerSettings,
  courses: ReadonlyMap<string, Course>,
  ownerId: string,
): Promise<PendingCertificate[]> {
  const requests = await db.query<{
    id: string;
    profile_id: string;
    course_id: string;
    holder: string;
  }>(
    `SELECT DISTINCT ON (e.profile_id, e.payload->>'courseId')
       e.id, e.profile_id, e.payload->>'courseId' AS course_id, e.payload->>'holderName' AS holder
     FROM events e
     WHERE e.owner_id = $1 AND e.type = 'certificate.requested'
       AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.owner_id = e.owner_id
         AND c.profile_id = e.profile_id AND c.course_id = e.payload->>'courseId')
     ORDER BY e.profile_id, e.payload->>'courseId', e.id DESC`,
    [ownerId],
  );
  const pending: PendingCertificate[] = [];
  let key: SigningKey | undefined;
  let signatures = 0;
  for (const request of requests) {
    const course = courses.get(request.course_id);
    if (!course) {
      pending.push({
        profileId: request.profile_id,
        courseId: request.course_id,
        reason: 'unknown_course',
      });
      continue;
    }
    const answers = await db.query<{ id: string; payload: EventOf<'quiz.answered'>['payload'] }>(
      `SELECT id, payload FROM events WHERE owner_id = $1 AND profile_id = $2
         AND type = 'quiz.answered' AND payload->>'courseId' = $3`,
      [ownerId, request.profile_id, course.id],
    );
    const events = answers.map(
      (a) => ({ ...a, type: 'quiz.answered' }) as EventOf<'quiz.answered'>,
    );
    if (!masteredQuiz(course.quiz.questions, course.mastery, events)) {
      pending.push({ profileId: request.profile_id, courseId: course.id, reason: 'not_mastered' });
      continue;
    }
    if (signatures === SIGNATURES_PER_REQUEST) continue;
    signatures += 1;
    key ??= await currentSigningKey(db, settings.privateKey);
    const supervision = await openSupervision(db, ownerId, course.id);
    const signed = await signCertificate(settings, key, course, request.holder, supervision);
    // A request signed concurrently wins once: the unique key keeps the first certificate.
    const inserted = await db.query(
      `INSERT INTO certificates (id, owner_id, profile_id, course_id, request_id, holder_name,
         issued_at, key_id, credential, qr)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (owner_id, profile_id, course_id) DO NOTHING RETURNING id`,
      [
        signed.id,
        ownerId,
        request.profile_id,
        course.id,
        request.id,
        request.holder,
        signed.issuedAt,
        key.keyId,
        signed.credential,
        signed.qr,
      ],
    );
    if (supervision && inserted.length > 0) {
      await useAttestation(db, supervision.attestationId, signed.id);
    }
  }
  return pending;
}

export async function ownCertificates(db: Database, ownerId: string): Promise<CertificateRecord[]> {
  const rows = await db.query<CertificateRow>(
    `SELECT * FROM certificates WHERE owner_id = $1 AND assignment_id IS NULL
     ORDER BY issued_at, id`,
    [ownerId],
  );
  return rows.map(certificateRecordOf);
}

export async function certificateById(
  db: Database,
  id: string,
): Promise<(CertificateRecord & { ownerId: string }) | null> {
  const [row] = await db.query<CertificateRow & { owner_id: string }>(
    `SELECT * FROM certificates WHERE id = $1`,
    [id],
  );
  return row ? { ...certificateRecordOf(row), ownerId: row.owner_id } : null;
}

/** Revokes once; false when there is no such certificate or it was revoked before. */
export async function revokeCertificate(
  db: Database,
  id: string,
  reason: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE certificates SET revoked_at = now(), revoke_reason = $2
     WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, reason],
  );
  return rows.length > 0;
}

/** Every revoked certificate id, signed by the current key so no one in between can shorten it. */
export async function signedRevocationList(
  db: Database,
  settings: IssuerSettings,
): Promise<RevocationList> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM certificates WHERE revoked_at IS NOT NULL ORDER BY id`,
  );
  const key = await currentSigningKey(db, settings.privateKey);
  return signRevocationList(
    { updatedAt: new Date().toISOString(), revoked: rows.map((r) => r.id), keyId: key.keyId },
    key.privateKey,
  );
}
