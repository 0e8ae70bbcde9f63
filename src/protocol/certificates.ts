import { z } from 'zod';

import { holderNameSchema, slugSchema } from './events.ts';
import { textSchema } from './text.ts';

/**
 * Certificates on the wire. These shapes are a contract between the app, the server and every
 * printed QR code: DO NOT CHANGE THEM WITHOUT A NEW CODE PREFIX (HS2:) OR A MIGRATION.
 */

/** Competence level of the course (the national basic digital-skills framework's levels). */
export const CERTIFICATE_LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export const certificateLevelSchema = z.enum(CERTIFICATE_LEVELS);
export type CertificateLevel = z.infer<typeof certificateLevelSchema>;

const isoDay = z.iso.date();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha-256');
export const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'a short key id');

/** What the compact QR code says, signed by the issuer (src/domain/certificates/compactCode.ts). */
export const compactClaimsSchema = z.strictObject({
  /** The certificate id (a UUID); the credential id is `urn:uuid:<certificateId>`. */
  certificateId: z.uuid(),
  /** sha-256 of the full credential as canonical JSON (RFC 8785), so a JSON file can be matched. */
  credentialHash: sha256Hex,
  holderName: holderNameSchema,
  courseId: slugSchema,
  /** The course title in Vietnamese, as printed. */
  courseTitle: z.string().min(1).max(120),
  level: certificateLevelSchema,
  /** Day of issue, YYYY-MM-DD (UTC). */
  issuedOn: isoDay,
  /** The issuer key that signed; equal to the key id in the signature's protected header. */
  keyId: keyIdSchema,
});
export type CompactClaims = z.infer<typeof compactClaimsSchema>;

/** One issuer key as published: Ed25519 public key as a Multikey (`z6Mk...`). */
export const issuerKeySchema = z.strictObject({
  keyId: keyIdSchema,
  publicKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]{40,60}$/, 'a base58btc multikey'),
  validFrom: z.iso.datetime({ offset: true }),
  /** A revoked key: every certificate it signed fails. */
  revokedAt: z.iso.datetime({ offset: true }).optional(),
});
export type IssuerKey = z.infer<typeof issuerKeySchema>;

export const issuerProfileSchema = z.strictObject({ id: z.string().min(1), name: z.string() });

/** `GET /api/certificates/issuers` (public). */
export const issuersResponseSchema = z.strictObject({
  issuer: issuerProfileSchema,
  keys: z.array(issuerKeySchema),
});
export type IssuersResponse = z.infer<typeof issuersResponseSchema>;

/**
 * `GET /api/certificates/revocations` (public). The signature is Ed25519 by `keyId` over the
 * UTF-8 bytes of `revocationListSigningInput(list)`; see `verifyRevocationList`.
 */
export const revocationListSchema = z.strictObject({
  updatedAt: z.iso.datetime({ offset: true }),
  revoked: z.array(z.uuid()),
  keyId: keyIdSchema,
  /** base64url, 64 bytes. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a base64url Ed25519 signature'),
});
export type RevocationList = z.infer<typeof revocationListSchema>;

/** The full Open Badges 3.0 credential: checked in depth by the domain, kept loose here. */
export const credentialJsonSchema = z.record(z.string(), z.unknown());

export const certificateRecordSchema = z.strictObject({
  id: z.uuid(),
  /** The profile that asked (several people may share one device's token). */
  profileId: z.uuid(),
  courseId: slugSchema,
  holderName: holderNameSchema,
  issuedAt: z.iso.datetime({ offset: true }),
  keyId: keyIdSchema,
  credential: credentialJsonSchema,
  /** The compact code text (`HS1:...`), what the QR code holds. */
  qr: z.string().startsWith('HS1:'),
  revoked: z.boolean(),
});
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

export const PENDING_REASONS = ['not_mastered', 'unknown_course'] as const;
export const pendingCertificateSchema = z.strictObject({
  profileId: z.uuid(),
  courseId: slugSchema,
  reason: z.enum(PENDING_REASONS),
});
export type PendingCertificate = z.infer<typeof pendingCertificateSchema>;

/** `GET /api/certificates`: the caller's own certificates and the requests not signed. */
export const certificatesResponseSchema = z.strictObject({
  certificates: z.array(certificateRecordSchema),
  pending: z.array(pendingCertificateSchema),
});
export type CertificatesResponse = z.infer<typeof certificatesResponseSchema>;

/** `POST /api/certificates/:id/revoke` (system admin). */
export const revokeCertificateRequestSchema = z.strictObject({
  reason: textSchema({ max: 500, multiline: true }),
});

export const VERIFY_STATUSES = ['valid', 'revoked', 'unknown_issuer', 'tampered'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

/**
 * `POST /api/orgs/:id/attestations`: a teacher or volunteer of the organisation
 * records that a learner of it takes a course's quiz under their supervision (for some hours).
 */
export const attestSupervisionRequestSchema = z.strictObject({
  learnerAccountId: z.uuid(),
  courseId: slugSchema,
});
export const attestationSchema = z.strictObject({
  id: z.uuid(),
  learnerAccountId: z.uuid(),
  courseId: slugSchema,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type Attestation = z.infer<typeof attestationSchema>;

/**
 * `GET /api/orgs/:id/certificates` (its manager): the signed certificates of the organisation's
 * learners, not revoked, to print together; each with the compact code its QR holds.
 */
export const orgCertificateSchema = certificateRecordSchema
  .pick({ id: true, courseId: true, holderName: true, issuedAt: true, qr: true })
  .extend({
    /** The lessons of the course its holder completed: the paper says "completed" with all. */
    completedLessons: z.array(z.string()),
    /** The issuer's name as the credential states it. */
    issuerName: z.string(),
  });
export type OrgCertificate = z.infer<typeof orgCertificateSchema>;
export const orgCertificatesResponseSchema = z.strictObject({
  certificates: z.array(orgCertificateSchema),
});
