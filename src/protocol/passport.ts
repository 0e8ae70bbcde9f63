import { z } from 'zod';
import { holderNameSchema, slugSchema } from './events.ts';
import { certificateRecordSchema, issuerProfileSchema, keyIdSchema } from './certificates.ts';

/**
 * The progress passport (issue 17): a person's own record as the server holds it, signed by the
 * server's certificate issuer key, to take to a new phone or another class without an account.
 * The shape is a contract with every passport already saved: DO NOT CHANGE IT; a new shape gets
 * a new format.
 */
export const PASSPORT_FORMAT = 'hocso-passport/1';

const isoTime = z.iso.datetime({ offset: true });

/** A course as the server's events fold it (the same rules as the phone's). */
export const passportCourseSchema = z.strictObject({
  courseId: slugSchema,
  completedLessons: z.array(slugSchema).max(500),
  /** Quiz attempts that reached the end (their ids), so merging twice counts them once. */
  completedAttempts: z.array(z.uuid()).max(1000),
  bestScore: z.int().min(0),
  total: z.int().min(0).max(500),
  passed: z.boolean(),
  masteredAt: isoTime.optional(),
  updatedAt: isoTime,
});
export type PassportCourse = z.infer<typeof passportCourseSchema>;

/** A walkthrough practised (practice runs by their event ids) or done for real. */
export const passportWalkthroughSchema = z.strictObject({
  walkthroughId: slugSchema,
  practiceRuns: z.array(z.uuid()).max(1000),
  fewestMistakes: z.int().min(0).nullable(),
  doneForReal: z.boolean(),
  assisted: z.boolean(),
  doneAt: isoTime.optional(),
  updatedAt: isoTime,
});
export type PassportWalkthrough = z.infer<typeof passportWalkthroughSchema>;

/** A certificate exactly as issued (its own QR and credential verify on their own too). */
export const passportCertificateSchema = certificateRecordSchema.omit({
  profileId: true,
  revoked: true,
});
export type PassportCertificate = z.infer<typeof passportCertificateSchema>;

/** What the issuer key signs: everything but the signature, as canonical JSON. */
export const passportBodySchema = z.strictObject({
  format: z.literal(PASSPORT_FORMAT),
  /** A fresh id per passport issued: the same file opened twice is a replay. */
  id: z.uuid(),
  issuer: issuerProfileSchema,
  issuedAt: isoTime,
  /** The holder's name as their phone gave it when asking. */
  holderName: holderNameSchema,
  courses: z.array(passportCourseSchema).max(500),
  walkthroughs: z.array(passportWalkthroughSchema).max(500),
  certificates: z.array(passportCertificateSchema).max(500),
  keyId: keyIdSchema,
});
export type PassportBody = z.infer<typeof passportBodySchema>;

/** The passport file's JSON (gzipped on disk): the body and the issuer key's signature. */
export const passportSchema = passportBodySchema.extend({
  /** Ed25519 by `keyId` over the UTF-8 bytes of the body's canonical JSON, base64url. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a base64url Ed25519 signature'),
});
export type Passport = z.infer<typeof passportSchema>;

/** `POST /api/passports`: one of the caller's profiles and the name it goes by. */
export const passportRequestSchema = z.strictObject({
  profileId: z.uuid(),
  holderName: holderNameSchema,
});
export type PassportRequest = z.infer<typeof passportRequestSchema>;
