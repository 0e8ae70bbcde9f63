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

/**
 * The report's filters, each optional: one unit, one status, and a range of due dates (both
 * ends included; a row without a due date is left out once either is given). "Overdue between
 * two days" is the status overdue with the range.
 */
export const complianceQuerySchema = z
  .strictObject({
    unit: z.uuid().optional(),
    status: z.enum(COMPLIANCE_STATUSES).optional(),
    dueFrom: z.iso.date().optional(),
    dueTo: z.iso.date().optional(),
  })
  .refine((q) => !q.dueFrom || !q.dueTo || q.dueFrom <= q.dueTo, {
    message: 'dueFrom must not be after dueTo',
    path: ['dueTo'],
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
   * Each course's quiz, in the programme's order: the best score of a finished attempt (of
   * `total` questions; 0 of 0 before any) and how many attempts reached the end.
   */
  quizzes: z.array(
    z.object({
      courseId: z.string(),
      bestScore: z.int().min(0),
      total: z.int().min(0),
      attempts: z.int().min(0),
    }),
  ),
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

/** How many of the people a programme reaches stand where: the counts of a roll-up row. */
export const complianceCountsSchema = z.object({
  /** People reached (each person once per programme). */
  staff: z.int().min(0),
  not_started: z.int().min(0),
  in_progress: z.int().min(0),
  done: z.int().min(0),
  overdue: z.int().min(0),
  exempt: z.int().min(0),
  /** Done of those not exempt, in whole per cent; null when nobody is left to count. */
  percentDone: z.int().min(0).max(100).nullable(),
});
export type ComplianceCounts = z.infer<typeof complianceCountsSchema>;

/**
 * `GET /api/provinces/:code/compliance`, for the province's admins and system admins: per
 * agency in the province, per programme (by title), the counts of the agency and of each unit.
 * Figures only: never a name, staff number or phone.
 */
export const provinceComplianceSchema = z.object({
  asOf: z.iso.datetime({ offset: true }),
  province: z.object({ code: z.string(), name: z.string() }),
  programmes: z.array(z.string()),
  agencies: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      communeName: z.string(),
      programmes: z.array(
        complianceCountsSchema.extend({
          programme: z.string(),
          units: z.array(complianceCountsSchema.extend({ unit: z.string() })),
        }),
      ),
    }),
  ),
});
export type ProvinceCompliance = z.infer<typeof provinceComplianceSchema>;

/** `GET /api/compliance/national`, for system admins: per province and programme, the counts. */
export const nationalComplianceSchema = z.object({
  asOf: z.iso.datetime({ offset: true }),
  programmes: z.array(z.string()),
  provinces: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      agencies: z.int().min(0),
      programmes: z.array(complianceCountsSchema.extend({ programme: z.string() })),
    }),
  ),
});
export type NationalCompliance = z.infer<typeof nationalComplianceSchema>;

/** The optional filter of the roll-ups: one programme, by title. */
export const rollupQuerySchema = z.strictObject({ programme: z.string().max(200).optional() });
export type RollupQuery = z.infer<typeof rollupQuerySchema>;
