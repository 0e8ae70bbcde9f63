import { z } from 'zod';
import { phoneSchema } from './phones.ts';
import { textSchema } from './text.ts';

/** Accounts, sign-in and organisations: the contract of the /api/auth and /api/orgs routes. */
const password = z.string().min(8, 'at least 8 characters').max(200);
const displayName = textSchema({ max: 80, name: true });
/** At least one letter: a username can never be read as a phone number (see `looksLikePhone`). */
const username = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, '3–40 letters, digits, dots, dashes or underscores')
  .regex(/[a-zA-Z]/, 'at least one letter, so it cannot be taken for a phone number');

export const signUpRequestSchema = z
  .strictObject({
    username: username.optional(),
    phone: phoneSchema.optional(),
    displayName,
    password,
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

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(20).max(200) });

export const accountSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  isSystemAdmin: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

export const sessionResponseSchema = z.object({
  account: accountSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresIn: z.int(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const claimRequestSchema = z.strictObject({
  /** The device token that pushed the profile's events before it signed in. */
  deviceToken: z.string().min(20).max(200),
  profileId: z.uuid(),
});

export const createOrganisationSchema = z.strictObject({
  kind: z.enum(['team', 'class', 'agency']),
  name: textSchema({ max: 120, name: true }),
  communeCode: z.string().regex(/^\d{5}$/, 'a 5-digit commune code'),
});

export const joinCodeRequestSchema = z.strictObject({
  role: z.enum(['learner', 'volunteer', 'team_leader', 'teacher', 'agency_admin']),
  maxUses: z.int().min(1).max(200).default(1),
  minutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60 * 24),
});

export const joinRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, 'a code like K7QP-M2XD'),
});

export const roleChangeSchema = z.strictObject({
  role: z.enum(['learner', 'volunteer', 'team_leader', 'teacher', 'agency_admin']),
});

export const grantCommuneSchema = z.strictObject({
  accountId: z.uuid(),
  communeCode: z.string().regex(/^\d{5}$/),
});
