import { randomUUID } from 'node:crypto';
import type { Attestation } from '../../src/protocol';
import type { Supervision } from '../../src/domain/certificates/credential.ts';
import type { Database } from '../db/database';
import { getOrganisation, roleIn, type Outcome, type Refusal } from './organisations';
import { ownerOfAccount } from './principal';

/** Who may attest: the people who run a class or help in a team. */
const ATTESTERS = ['teacher', 'volunteer', 'team_leader'] as const;
type AttesterRole = (typeof ATTESTERS)[number];
/** A supervised session lasts a school day: the learner's device may sync a little later. */
export const ATTESTATION_HOURS = 12;

/**
 * Records that `attesterId` supervises `learnerAccountId` taking `courseId`'s quiz, in the
 * organisation where the first is a teacher or volunteer and the second a learner. Refused
 * (conflict) once the learner holds that certificate: a certificate never changes after signing.
 */
export async function attestSupervision(
  db: Database,
  input: { attesterId: string; organisationId: string; learnerAccountId: string; courseId: string },
): Promise<Outcome<Attestation, Exclude<Refusal, 'last_manager'>>> {
  const org = await getOrganisation(db, input.organisationId);
  if (!org) return { ok: false, code: 'not_found' };
  const role = await roleIn(db, input.attesterId, org.id);
  if (!role || !(ATTESTERS as readonly string[]).includes(role)) {
    return { ok: false, code: 'forbidden' };
  }
  // Someone who is not a learner here answers like a missing one: members are not probed.
  if ((await roleIn(db, input.learnerAccountId, org.id)) !== 'learner') {
    return { ok: false, code: 'not_found' };
  }
  const signed = await db.query(
    `SELECT 1 FROM certificates WHERE owner_id = $1 AND course_id = $2`,
    [ownerOfAccount(input.learnerAccountId), input.courseId],
  );
  if (signed.length > 0) return { ok: false, code: 'conflict' };
  const id = randomUUID();
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO certificate_attestations (id, learner_account_id, course_id, organisation_id,
       attested_by, attester_role, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7))
     RETURNING expires_at`,
    [id, input.learnerAccountId, input.courseId, org.id, input.attesterId, role, ATTESTATION_HOURS],
  );
  return {
    ok: true,
    value: {
      id,
      learnerAccountId: input.learnerAccountId,
      courseId: input.courseId,
      expiresAt: new Date(row!.expires_at).toISOString(),
    },
  };
}

/** The newest open attestation for an owner's course (accounts only), as the credential says it. */
export async function openSupervision(
  db: Database,
  ownerId: string,
  courseId: string,
): Promise<Supervision | null> {
  if (!ownerId.startsWith('account:')) return null;
  const [row] = await db.query<{ id: string; role: AttesterRole; name: string }>(
    `SELECT a.id, a.attester_role AS role, o.name
     FROM certificate_attestations a JOIN organisations o ON o.id = a.organisation_id
     WHERE a.learner_account_id = $1 AND a.course_id = $2
       AND a.certificate_id IS NULL AND a.expires_at > now()
     ORDER BY a.attested_at DESC LIMIT 1`,
    [ownerId.slice('account:'.length), courseId],
  );
  return row ? { attestationId: row.id, role: row.role, organisation: row.name } : null;
}

/** Marks the attestation used by the certificate it went into. */
export async function useAttestation(
  db: Database,
  attestationId: string,
  certificateId: string,
): Promise<void> {
  await db.query(
    `UPDATE certificate_attestations SET certificate_id = $2
     WHERE id = $1 AND certificate_id IS NULL`,
    [attestationId, certificateId],
  );
}

/** Whether a certificate was earned under supervision (for the verify page). */
export async function wasSupervised(db: Database, certificateId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM certificate_attestations WHERE certificate_id = $1`, [
    certificateId,
  ]);
  return rows.length > 0;
}
