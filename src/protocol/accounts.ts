import { z } from 'zod';
import { phoneSchema } from './phones.ts';
import { textSchema } from './text.ts';
import { provinceCodeSchema } from './visits.ts';

/** Accounts, sign-in and organisations: the contract of the /api/auth and /api/orgs routes. */
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);
const displayName = textSchema({ max: 80, name: true });
/** At least one letter: a username can never be read as a phone number (see `looksLikePhone`). */
export const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, '3–40 letters, digits, dots, dashes or underscores')
  .regex(/[a-zA-Z]/, 'at least one letter, so it cannot be taken for a phone number');

export const signUpRequestSchema = z
  .strictObject({
    username: usernameSchema.optional(),
    phone: phoneSchema.optional(),
    displayName,
    password: passwordSchema,
  })
  .refine((body) => body.username || body.phone, {
    message: 'a username or a phone number is needed',
    path: ['username'],
  });
export type SignUpRequest = z.infer<typeof signUpRequestSchema>;

export const signInRequestSchema = z.strictObject({
  login: textSchema({ min: 3, max: 60, name: true }),
  password: z.string().min(1).max(200),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** A code such as K7QP-M2XD, typed with or without its dash, in any case. */
const personCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, 'a code like K7QP-M2XD');

/** A forgotten password replaced with a one-time code from a manager of one's organisation. */
export const resetPasswordRequestSchema = z.strictObject({
  login: signInRequestSchema.shape.login,
  code: personCode,
  password: passwordSchema,
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/** A reset code, shown once to the manager who made it, to read out to its member. */
export const resetCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ResetCode = z.infer<typeof resetCodeSchema>;

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(20).max(200) });

export const accountSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  isSystemAdmin: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

/** A new access token and the refresh token that replaces the one sent. */
export const tokensResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresIn: z.int(),
});

export const sessionResponseSchema = tokensResponseSchema.extend({ account: accountSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const claimRequestSchema = z.strictObject({
  /** The device token that pushed the profile's events before it signed in. */
  deviceToken: z.string().min(20).max(200),
  profileId: z.uuid(),
});

export const ORG_KINDS = ['team', 'class', 'agency'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const MEMBER_ROLES = [
  'learner',
  'volunteer',
  'team_leader',
  'teacher',
  'agency_admin',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const createOrganisationSchema = z.strictObject({
  kind: z.enum(ORG_KINDS),
  name: textSchema({ max: 120, name: true }),
  communeCode: z.string().regex(/^\d{5}$/, 'a 5-digit commune code'),
});

/** The most people one join code lets in: a big room. */
export const MAX_JOIN_CODE_USES = 500;

export const joinCodeRequestSchema = z.strictObject({
  role: z.enum(MEMBER_ROLES),
  /** How many people may join with it: one, or a whole room. */
  maxUses: z.int().min(1).max(MAX_JOIN_CODE_USES).default(1),
  /** Its lifetime, chosen by its maker: up to 30 days. */
  minutes: z
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(60 * 24),
});

export const joinRequestSchema = z.strictObject({ code: personCode });

export const roleChangeSchema = z.strictObject({
  role: z.enum(MEMBER_ROLES),
});

export const grantCommuneSchema = z.strictObject({
  accountId: z.uuid(),
  communeCode: z.string().regex(/^\d{5}$/),
});

/** `POST /api/admin/province-admins`: an account made an admin of a province (its figures). */
export const grantProvinceSchema = z.strictObject({
  accountId: z.uuid(),
  provinceCode: provinceCodeSchema,
});

/** A join code that still lets people in; the code itself is shown only once, when made. */
export const joinCodeSchema = z.object({
  id: z.uuid(),
  role: z.enum(MEMBER_ROLES),
  uses: z.int(),
  maxUses: z.int(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type JoinCode = z.infer<typeof joinCodeSchema>;

export const newJoinCodeSchema = joinCodeSchema.extend({
  code: z.string(),
  expiresInMinutes: z.int(),
});

export const memberSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  role: z.enum(MEMBER_ROLES),
});
export type Member = z.infer<typeof memberSchema>;

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  communeCode: z.string(),
  manager: z.boolean(),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** An organisation the account belongs to, with its role there. */
export const membershipSchema = z.object({
  organisationId: z.uuid(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
});

/** A commune a system admin gave this account as an official (its figures only). */
export const officialCommuneSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: z.string(),
  provinceName: z.string(),
});

/** A province a system admin gave this account: the compliance roll-up of its agencies. */
export const adminProvinceSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string(),
});

/** `GET /api/me`. */
export const meResponseSchema = z.object({
  account: accountSchema,
  memberships: z.array(membershipSchema),
  communes: z.array(officialCommuneSchema),
  provinces: z.array(adminProvinceSchema),
});

export const signedOutSchema = z.object({ signedOut: z.literal(true) });

/** `POST /api/account/claim`: how many of the profile's events became the account's. */
export const claimResponseSchema = z.object({ claimed: z.int().min(0) });

/** What one learner of an organisation has done in one course. */
export const courseSummarySchema = z.object({
  courseId: z.string(),
  lessonsDone: z.int(),
  bestScore: z.int(),
  total: z.int(),
  passed: z.boolean(),
});

/** `GET /api/orgs/:id/progress`: the learners only, never the staff. */
export const memberProgressSchema = memberSchema.extend({ courses: z.array(courseSummarySchema) });

/** A team started in one of the official's communes, not yet counted in its figures. */
export const pendingTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  createdAt: z.string(),
});

export const teamApprovedSchema = z.object({ id: z.uuid(), approved: z.literal(true) });

/** `GET /api/communes/:code/summary`: a commune's learning figures, counts only. */
export const communeLearningSchema = z.object({
  communeCode: z.string(),
  organisations: z.record(z.string(), z.int()),
  /** Distinct people by role in the commune's organisations. */
  people: z.record(z.string(), z.int()),
  /** People who learn there and run nothing anywhere. */
  learners: z.int(),
  lessonsCompleted: z.int(),
  coursesMastered: z.int(),
});
