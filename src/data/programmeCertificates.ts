import type {
  ProgrammeCertificate,
  ProgrammeCertificateAnswer,
} from '../protocol/programmeCertificates';
import { cleanHolderName, signedCertificateRow } from './certificates';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { CertificateRow, ProgrammeOfCertificate } from './rows';

/**
 * A programme's certificate is kept beside the course certificates, under this key in place
 * of a course id: one per programme assignment and round, never a course's id.
 */
export function programmeCertificateKey(assignmentId: string, round: number): string {
  return `programme-${assignmentId}-${round}`;
}

/**
 * Asks for a programme's certificate: a waiting row, sent by the account's sync engine when it
 * is next online (`sendProgrammeRequests`). Asked for (or signed) once: asking again returns it.
 */
export async function requestProgrammeCertificate(
  profileId: string,
  programme: ProgrammeOfCertificate,
  holderName: string,
  db: HocSoDatabase = database(),
): Promise<CertificateRow> {
  const name = cleanHolderName(holderName);
  const key = programmeCertificateKey(programme.assignmentId, programme.round);
  return guardStorage(() =>
    db.transaction('rw', db.certificates, async () => {
      const existing = await db.certificates.get([profileId, key]);
      if (existing) return existing;
      const row: CertificateRow = {
        profileId,
        courseId: key,
        requestId: '',
        holderName: name,
        status: 'waiting',
        programme,
      };
      await db.certificates.add(row);
      return row;
    }),
  );
}

/** The profile's programme certificates asked for and not yet signed. */
export async function waitingProgrammeRequests(
  profileId: string,
  db: HocSoDatabase = database(),
): Promise<(CertificateRow & { programme: ProgrammeOfCertificate })[]> {
  const rows = await db.certificates.where('profileId').equals(profileId).toArray();
  return rows.filter(
    (row): row is CertificateRow & { programme: ProgrammeOfCertificate } =>
      row.programme !== undefined && row.status === 'waiting',
  );
}

/** Keeps what the server signed (or why it would not) for the profile signed in here. */
export async function storeProgrammeAnswer(
  profileId: string,
  key: string,
  answer: ProgrammeCertificateAnswer,
  db: HocSoDatabase = database(),
): Promise<void> {
  if (answer.status === 'signed') {
    await storeProgrammeCertificates(profileId, [answer.certificate], db);
    return;
  }
  await guardStorage(() =>
    db.certificates.update([profileId, key], { pendingReason: answer.reason }),
  );
}

/** Stores the account's signed programme certificates (a new phone gets them back too). */
export async function storeProgrammeCertificates(
  profileId: string,
  certificates: readonly ProgrammeCertificate[],
  db: HocSoDatabase = database(),
): Promise<void> {
  await guardStorage(() =>
    db.certificates.bulkPut(
      certificates.map((certificate) => ({
        ...signedCertificateRow(
          profileId,
          programmeCertificateKey(certificate.assignmentId, certificate.round),
          certificate,
        ),
        programme: {
          organisationId: certificate.organisationId,
          assignmentId: certificate.assignmentId,
          round: certificate.round,
          title: certificate.title,
        },
      })),
    ),
  );
}
