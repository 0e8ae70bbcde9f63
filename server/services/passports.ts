import { randomUUID } from 'node:crypto';
import type { Passport, PassportCertificate } from '../../src/protocol';
import { passportCourseOf, passportWalkthroughOf } from '../../src/domain/passport/merge.ts';
import { signPassport } from '../../src/domain/passport/passport.ts';
import type { Database } from '../db/database';
import {
  certificateRecordOf,
  issuerId,
  type CertificateRow,
  type IssuerSettings,
} from './certificates';
import { eventOfRow, type EventRecord } from './events';
import { currentSigningKey } from './issuerKeys';
import { emptyLearning, foldLearning } from './progress';
import type { Principal } from './principal';

/**
 * Whose records a passport holds: an account's are all its own (from any phone); an anonymous
 * device's are those of the one profile it names, on that device only.
 */
function holderFilter(caller: Principal, profileId: string): { sql: string; params: unknown[] } {
  return caller.kind === 'account'
    ? { sql: 'owner_id = $1', params: [caller.ownerId] }
    : { sql: 'owner_id = $1 AND profile_id = $2', params: [caller.ownerId, profileId] };
}

/** The holder's progress, folded from the server's events with the app's own pure rules. */
async function foldedProgress(db: Database, where: { sql: string; params: unknown[] }) {
  const rows = await db.query<Omit<EventRecord, 'server_seq'>>(
    `SELECT id, device_id, profile_id, type, payload, occurred_at FROM events
     WHERE ${where.sql} ORDER BY server_seq`,
    where.params,
  );
  const learning = emptyLearning();
  for (const row of rows) foldLearning(learning, eventOfRow(row));
  const { courses, walkthroughs } = learning;
  return { courses: [...courses.values()], walkthroughs: [...walkthroughs.values()] };
}

/** The holder's course certificates that stand (a revoked one is left out). */
async function standingCertificates(
  db: Database,
  where: { sql: string; params: unknown[] },
): Promise<PassportCertificate[]> {
  const rows = await db.query<CertificateRow>(
    `SELECT * FROM certificates
     WHERE ${where.sql} AND assignment_id IS NULL AND revoked_at IS NULL ORDER BY issued_at, id`,
    where.params,
  );
  return rows.map((row) => {
    const { profileId: _profile, revoked: _revoked, ...certificate } = certificateRecordOf(row);
    return certificate;
  });
}

/**
 * A progress passport: only what the server holds of the holder (progress folded from their
 * events, walkthroughs, standing certificates) and the name their phone gives, signed by the
 * current issuer key. Null when the server holds nothing of them (nothing synced yet, or a
 * profile that is not the caller's).
 */
export async function issuePassport(
  db: Database,
  settings: IssuerSettings,
  caller: Principal,
  request: { profileId: string; holderName: string },
): Promise<Passport | null> {
  const where = holderFilter(caller, request.profileId);
  const [{ courses, walkthroughs }, certificates] = await Promise.all([
    foldedProgress(db, where),
    standingCertificates(db, where),
  ]);
  if (courses.length + walkthroughs.length + certificates.length === 0) return null;
  const key = await currentSigningKey(db, settings.privateKey);
  const byId =
    <T>(id: (item: T) => string) =>
    (a: T, b: T) =>
      id(a) < id(b) ? -1 : 1;
  return signPassport(
    {
      format: 'hocso-passport/1',
      id: randomUUID(),
      issuer: { id: issuerId(settings), name: settings.name },
      issuedAt: new Date().toISOString(),
      holderName: request.holderName,
      courses: courses.map(passportCourseOf).sort(byId((c) => c.courseId)),
      walkthroughs: walkthroughs.map(passportWalkthroughOf).sort(byId((w) => w.walkthroughId)),
      certificates,
      keyId: key.keyId,
    },
    key.privateKey,
  );
}
