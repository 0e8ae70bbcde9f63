import { z } from 'zod';

/** The five statuses of the compliance report, derived (never stored). */
export const COMPLIANCE_STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'overdue',
  'exempt',
] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** The report's filters: one unit, one status (both optional). */
export const complianceQuerySchema = z.strictObject({
  unit: z.uuid().optional(),
  status: z.enum(COMPLIANCE_STATUSES).optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

/** One person and one programme assigned to them. */
export const complianceRowSchema = z.object({
  accountId: z.uuid(),
  staffNumber: z.string(),
  displayName: z.string(),
  unitId: z.uuid().nullable(),
  unit: z.string(),
  position: z.string(),
  assignmentId: z.uuid(),
  programme: z.string(),
  startDate: z.iso.date(),
  dueDate: z.iso.date().nullable(),
  status: z.enum(COMPLIANCE_STATUSES),
  /** Courses mastered in the current round, of all the programme's. */
  done: z.int().min(0),
  total: z.int().min(1),
  completedOn: z.iso.date().nullable(),
  lastActivity: z.iso.datetime({ offset: true }).nullable(),
  exemptReason: z.string().nullable(),
  /**
   * The programme certificate of the round that stands, with the link its QR holds (to check
   * it on the verify page); null when none is signed. Absent from reports made without it.
   */
  certificate: z
    .object({ id: z.uuid(), issuedOn: z.iso.date(), verifyLink: z.string() })
    .nullable()
    .optional(),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

/**
 * `GET /api/orgs/:id/compliance`, for an agency's admin: per person and programme, where they
 * stand as of `asOf` from what their phones have synced; the agency's units for the filter.
 */
export const complianceReportSchema = z.object({
  asOf: z.iso.datetime({ offset: true }),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  rows: z.array(complianceRowSchema),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;
