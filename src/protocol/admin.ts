import { z } from 'zod';

/** The system administrator's routes (/api/admin): the audit log and finding an account. */
/** Every action the audit log records (the admin screen filters by them). */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out_everywhere',
  'role_changed',
  'joined',
  'join_code_created',
  'join_code_revoked',
  'commune_granted',
  'province_granted',
  'export',
  'certificate_revoked',
  'supervision_attested',
  'visit_resolved',
  'team_approved',
  'system_admin_created',
  'password_reset',
  'reset_code_created',
  'organisation_created',
  'issuer_key_rotated',
  'roster_imported',
  'staff_imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A page of the log, newest first: `before` is the last id of the page already shown. */
export const auditQuerySchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One row of the log: ids, an action and a time, never a name or a phone number. */
export const auditEntrySchema = z.object({
  id: z.int(),
  at: z.iso.datetime({ offset: true }),
  actorId: z.uuid().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** An account found by its login, so an admin can name it (a commune official, say). */
export const accountLookupQuerySchema = z.strictObject({ login: z.string().trim().min(3).max(60) });

export const accountLookupSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
});
export type AccountLookup = z.infer<typeof accountLookupSchema>;

/** The key that signs certificates from now on; the older ones stay published. */
export const rotatedKeySchema = z.object({ keyId: z.string() });
