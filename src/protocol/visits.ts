import { z } from 'zod';
import { slugSchema } from './events.ts';
import { textSchema } from './text.ts';

/**
 * The community tech team's log of people helped (issue 7): the contract of the
 * /api/teams/:teamId/visits*, /api/communes/:code/visits-summary* and
 * /api/provinces/:code/visits-summary routes.
 *
 * A visit record is a chain of immutable versions. Version 1 has `amends: null`; every later
 * version names the version it amends. Drafts never leave the phone: only finalized versions are
 * pushed. DO NOT CHANGE THESE SHAPES WITHOUT A MIGRATION.
 */

export const AGE_BANDS = ['under18', '18-35', '36-59', '60plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];
export const OUTCOMES = ['done', 'partly', 'referred', 'not_done'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const SERVICE_KINDS = ['walkthrough', 'course', 'category', 'other'] as const;
/**
 * The kinds of help a volunteer gives, as the work is (issue 16): every visit falls under one or
 * more of them, with the walkthroughs inside. `other` is the free-text service.
 */
export const SERVICE_CATEGORIES = [
  'vneid',
  'public_services',
  'banking',
  'health',
  'messaging',
  'scam',
  'phone_setup',
  'other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
/** The categories a `category` service may name (`other` is the free-text service). */
export const NAMED_CATEGORIES = SERVICE_CATEGORIES.filter(
  (c): c is Exclude<ServiceCategory, 'other'> => c !== 'other',
);
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const communeCodeSchema = z.string().regex(/^\d{5}$/, 'a 5-digit commune code');
export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'a 2-digit province code');
/** A calendar day this century (PostgreSQL refuses year 0, and no visit is older than 2000). */
const isoDate = z.iso
  .date()
  .refine((day) => day >= '2000-01-01' && day <= '2099-12-31', 'a day between 2000 and 2099');

/** Free text typed on the phone, under the one text rule (see `text.ts`). */
const text = (max: number) => textSchema({ max, multiline: true });
/** A name or a place: no line breaks, no invisible formatting characters. */
const name = (max: number) => textSchema({ max, name: true });

/** The person helped: every field optional, the least that is useful. Personal data. */
export const visitPersonSchema = z.strictObject({
  /** A first name or initials, never a full name. */
  name: name(40).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  gender: z.enum(GENDERS).optional(),
  ethnicity: name(40).optional(),
  phone: z
    .string()
    .regex(/^\d{8,15}$/, '8–15 digits')
    .optional(),
});
export type VisitPerson = z.infer<typeof visitPersonSchema>;

/**
 * A walkthrough or course from the content (by id), a category of help (shape version 2 of the
 * `visit-version` kind; version 1 records, without it, are still valid), or something else
 * (free text).
 */
export const visitServiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('walkthrough'), id: slugSchema }),
  z.strictObject({ kind: z.literal('course'), id: slugSchema }),
  z.strictObject({
    kind: z.literal('category'),
    id: z.enum(NAMED_CATEGORIES as [Exclude<ServiceCategory, 'other'>]),
  }),
  z.strictObject({ kind: z.literal('other'), text: text(120) }),
]);
export type VisitService = z.infer<typeof visitServiceSchema>;

/** One finalized, immutable version of a visit record, as the phone pushes it. */
export const visitVersionSchema = z
  .strictObject({
    visitId: z.uuid(),
    version: z.int().min(1).max(1000),
    /** The version this one amends; null for version 1. */
    amends: z.int().min(1).nullable(),
    teamId: z.uuid(),
    deviceId: z.uuid(),
    /** The phone's clock when finalized: shown, never used for ordering. */
    recordedAt: z.iso.datetime({ offset: true }),
    /** The day the person was helped. */
    date: isoDate,
    communeCode: communeCodeSchema,
    /** Normalised (see `text`), so a village typed twice groups as one. */
    village: name(80),
    person: visitPersonSchema,
    services: z.array(visitServiceSchema).min(1).max(10),
    outcome: z.enum(OUTCOMES),
    /** Required unless the outcome is `done`. */
    outcomeReason: text(200).optional(),
    minutes: z.int().min(1).max(600),
    consent: z.literal(true),
    consentVersion: text(40),
    /** From the learner's profile QR, when the person has the app. */
    learnerRef: text(120).optional(),
    note: text(500).optional(),
  })
  .refine((v) => (v.version === 1 ? v.amends === null : v.amends !== null), {
    message: 'version 1 amends nothing; every later version names the version it amends',
    path: ['amends'],
  })
  .refine((v) => v.amends === null || v.amends < v.version, {
    message: 'a version can only amend an earlier version',
    path: ['amends'],
  })
  .refine((v) => v.outcome === 'done' || v.outcomeReason !== undefined, {
    message: 'a reason is needed unless the outcome is done',
    path: ['outcomeReason'],
  });
export type VisitVersion = z.infer<typeof visitVersionSchema>;

/** The fields that are personal: encrypted on the phone, never in commune or province roll-ups. */
export const VISIT_PERSONAL_FIELDS = [
  'person',
  'note',
  'outcomeReason',
  'village',
  'learnerRef',
] as const;

export const VERSION_STATUSES = ['head', 'superseded', 'conflict'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** A version as the server stored it. `key` names this stored row (two rows may share a number). */
export const storedVisitVersionSchema = z.object({
  key: z.string(),
  status: z.enum(VERSION_STATUSES),
  pushedBy: z.object({ accountId: z.uuid(), displayName: z.string() }),
  receivedAt: z.iso.datetime({ offset: true }),
  record: visitVersionSchema,
});
export type StoredVisitVersion = z.infer<typeof storedVisitVersionSchema>;

/** `GET /api/teams/:teamId/visits`: the head of every record (a volunteer: only their own). */
export const visitListResponseSchema = z.object({
  visits: z.array(storedVisitVersionSchema.extend({ hasConflict: z.boolean() })),
});
export type VisitListResponse = z.infer<typeof visitListResponseSchema>;

/** `GET /api/teams/:teamId/conflicts`: each flagged record with its head and its rivals. */
export const visitConflictsResponseSchema = z.object({
  conflicts: z.array(
    z.object({
      visitId: z.uuid(),
      head: storedVisitVersionSchema.nullable(),
      rivals: z.array(storedVisitVersionSchema).min(1),
    }),
  ),
});
export type VisitConflictsResponse = z.infer<typeof visitConflictsResponseSchema>;

/** `POST /api/teams/:teamId/visits/:visitId/resolve`: the chosen version stands. */
export const resolveConflictRequestSchema = z.strictObject({
  chooseVersionKey: z
    .string()
    .regex(/^\d{1,18}$/, 'a version key as listed by the conflicts route'),
});
export const resolveConflictResponseSchema = z.object({
  visitId: z.uuid(),
  head: storedVisitVersionSchema,
  superseded: z.array(z.string()),
});
export type ResolveConflictResponse = z.infer<typeof resolveConflictResponseSchema>;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive, both optional, on the visit's date. */
export const visitRangeQuerySchema = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type VisitRange = z.infer<typeof visitRangeQuerySchema>;

const count = z.int().min(0);
const bucket = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count }));

/**
 * Counts of people helped: the head version of every record, in the date range. A visit with
 * several services counts once in `total` and once under each service. `minutes` is the sum.
 * Buckets are sorted by key; `unknown` holds records without the optional field.
 */
export const visitAggregatesSchema = z.object({
  total: count,
  minutes: count,
  /** `walkthrough:<id>`, `course:<id>`, `category:<id>` or `other` (free text is never grouped). */
  byService: bucket(z.string()),
  /** Each record once under each category its services fall in (`categoryOfKey`). */
  byCategory: bucket(z.enum(SERVICE_CATEGORIES)),
  byOutcome: bucket(z.enum(OUTCOMES)),
  /** `YYYY-MM` of the visit's date. */
  byMonth: bucket(z.string()),
  byAgeBand: bucket(z.enum([...AGE_BANDS, 'unknown'])),
  byGender: bucket(z.enum([...GENDERS, 'unknown'])),
});
export type VisitAggregates = z.infer<typeof visitAggregatesSchema>;

/** `GET /api/teams/:teamId/dashboard`: for the team leader. */
export const teamDashboardSchema = visitAggregatesSchema.extend({
  /** Keyed by the volunteer's account id, who pushed version 1. */
  byVolunteer: z.array(z.object({ key: z.uuid(), displayName: z.string(), count })),
  /** The village as typed, trimmed. */
  byVillage: bucket(z.string()),
  /** When the latest push reached the server; null when nothing was ever pushed. */
  lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
  openConflicts: count,
});
export type TeamDashboard = z.infer<typeof teamDashboardSchema>;

/** `GET /api/communes/:code/visits-summary`: aggregates only, never personal fields. */
export const communeVisitsSummarySchema = visitAggregatesSchema.extend({
  communeCode: communeCodeSchema,
  byTeam: z.array(z.object({ key: z.uuid(), name: z.string(), count })),
  lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CommuneVisitsSummary = z.infer<typeof communeVisitsSummarySchema>;

/**
 * `GET /api/provinces/:code/visits-summary`: system admins see every commune of the province;
 * a commune official sees the totals of only the communes they are given there.
 */
export const provinceVisitsSummarySchema = visitAggregatesSchema.extend({
  provinceCode: provinceCodeSchema,
  byCommune: z.array(z.object({ key: communeCodeSchema, name: z.string(), count })),
  lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ProvinceVisitsSummary = z.infer<typeof provinceVisitsSummarySchema>;

/** `GET /api/teams/:teamId/roster`: members, their role, last push and visit count. */
export const teamRosterSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string(), communeCode: communeCodeSchema }),
  members: z.array(
    z.object({
      accountId: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      lastPushAt: z.iso.datetime({ offset: true }).nullable(),
      visitCount: count,
    }),
  ),
});
export type TeamRoster = z.infer<typeof teamRosterSchema>;
