import type { OrgCertificate } from '../../src/protocol/certificates';
import type { Database } from '../db/database';
import { learnersOf } from './orgFigures';
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
  const owners = [...(await learnersOf(db, orgId))].map(ownerOfAccount);
  const rows = await db.query<{
    id: string;
    course_id: string;
    holder_name: string;
    issued_at: Date | string;
    qr: string;
  }>(
    `SELECT id, course_id, holder_name, issued_at, qr FROM certificates
     WHERE owner_id = ANY($1::text[]) AND revoked_at IS NULL
     ORDER BY holder_name, issued_at, id`,
    [owners],
  );
  return {
    ok: true,
    value: rows.map((row) => ({
      id: row.id,
      courseId: row.course_id,
      holderName: row.holder_name,
      issuedAt: new Date(row.issued_at).toISOString(),
      qr: row.qr,
    })),
  };
}
