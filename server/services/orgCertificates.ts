import type { OrgCertificate } from '../../src/protocol/certificates';
import type { Database } from '../db/database';
import { learnersOf } from './orgFigures';
import { accountProgress } from './progress';
import { getOrganisation, manages, type Outcome } from './organisations';
import { ownerOfAccount } from './principal';

/**
 * Every certificate the organisation's learners hold, signed and not revoked, for its manager to
 * print in one go: ordered by holder, then date. Staff are not learners, so theirs are not here.
 */
export async function orgCertificates(
  db: Database,
  actorId: string,
  orgId: string,
): Promise<Outcome<OrgCertificate[], 'forbidden' | 'not_found'>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return { ok: false, code: 'not_found' };
  if (!(await manages(db, actorId, org))) return { ok: false, code: 'forbidden' };
  const learners = [...(await learnersOf(db, orgId))];
  const progress = await accountProgress(db, learners);
  const rows = await db.query<{
    owner_id: string;
    id: string;
    course_id: string;
    holder_name: string;
    issued_at: Date | string;
    qr: string;
    issuer_name: string | null;
  }>(
    `SELECT owner_id, id, course_id, holder_name, issued_at, qr,
            credential::jsonb #>> '{issuer,name}' AS issuer_name FROM certificates
     WHERE owner_id = ANY($1::text[]) AND revoked_at IS NULL AND assignment_id IS NULL
     ORDER BY holder_name, issued_at, id`,
    [learners.map(ownerOfAccount)],
  );
  const accountOf = new Map(learners.map((id) => [ownerOfAccount(id), id]));
  const completed = (ownerId: string, courseId: string) =>
    progress.get(accountOf.get(ownerId)!)?.find((c) => c.courseId === courseId)?.completedLessons ??
    [];
  return {
    ok: true,
    value: rows.map((row) => ({
      id: row.id,
      courseId: row.course_id,
      holderName: row.holder_name,
      issuedAt: new Date(row.issued_at).toISOString(),
      qr: row.qr,
      completedLessons: completed(row.owner_id, row.course_id),
      issuerName: row.issuer_name ?? '',
    })),
  };
}
