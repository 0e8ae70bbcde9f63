import type { Queryable } from '../db/database';

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out_everywhere'
  | 'role_changed'
  | 'joined'
  | 'join_code_created'
  | 'join_code_revoked'
  | 'commune_granted'
  | 'export'
  | 'certificate_revoked'
  | 'supervision_attested'
  | 'visit_resolved'
  | 'team_approved'
  | 'system_admin_created'
  | 'password_reset'
  | 'reset_code_created'
  | 'organisation_created';

/** Appends to the audit log: who, what, on what. Ids only — never names or phone numbers. */
export async function audit(
  db: Queryable,
  actorId: string | null,
  action: AuditAction,
  target: string | null = null,
  details: Record<string, string | number | boolean> = {},
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, action, target, details) VALUES ($1, $2, $3, $4)`,
    [actorId, action, target, JSON.stringify(details)],
  );
}
