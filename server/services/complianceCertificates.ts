import type { ComplianceReport } from '../../src/protocol';
import { verifyLink } from '../../src/domain/certificates/verifyLink';
import { vietnamDay } from '../../src/domain/vietnamTime';
import type { Database } from '../db/database';
import { ownerOfAccount } from './principal';

/**
 * The compliance report's certificate column: beside each person and programme, the certificate
 * signed for the round that stands (issued on or after its start), not revoked, with the link
 * its QR holds, which anyone opens to check it on `origin`'s verify page.
 */
export async function withProgrammeCertificates(
  db: Database,
  origin: string,
  report: ComplianceReport,
): Promise<ComplianceReport> {
  if (report.rows.length === 0) return report;
  const certificates = await db.query<{
    owner_id: string;
    assignment_id: string;
    id: string;
    issued_at: Date;
    qr: string;
  }>(
    `SELECT owner_id, assignment_id, id, issued_at, qr FROM certificates
     WHERE assignment_id = ANY($1::uuid[]) AND owner_id = ANY($2::text[]) AND revoked_at IS NULL
     ORDER BY issued_at, id`,
    [
      [...new Set(report.rows.map((r) => r.assignmentId))],
      [...new Set(report.rows.map((r) => ownerOfAccount(r.accountId)))],
    ],
  );
  const latest = new Map<string, (typeof certificates)[number]>();
  for (const certificate of certificates) {
    latest.set(`${certificate.owner_id} ${certificate.assignment_id}`, certificate);
  }
  return {
    ...report,
    rows: report.rows.map((row) => {
      const certificate = latest.get(`${ownerOfAccount(row.accountId)} ${row.assignmentId}`);
      const issuedOn = certificate && vietnamDay(new Date(certificate.issued_at));
      return {
        ...row,
        certificate:
          certificate && issuedOn! >= row.startDate
            ? {
                id: certificate.id,
                issuedOn: issuedOn!,
                verifyLink: verifyLink(origin, certificate.qr),
              }
            : null,
      };
    }),
  };
}
