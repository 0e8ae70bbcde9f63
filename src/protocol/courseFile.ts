import { z } from 'zod';
import { contentManifestSchema } from './content.ts';
import { issuerKeySchema, keyIdSchema } from './certificates.ts';

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The server's content key's signature of one pack: Ed25519 by `keyId` over the UTF-8 bytes of
 * `packSigningInput` (pack id, version, size and SHA-256), base64url without padding.
 */
export const packSignatureSchema = z.strictObject({
  keyId: keyIdSchema,
  value: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a base64url Ed25519 signature'),
});
export type PackSignature = z.infer<typeof packSignatureSchema>;

/** What a content key signs of a pack. */
export const signedPackSchema = z.strictObject({
  id: z.string().min(1),
  version: z.int(),
  bytes: z.int().positive(),
  hash: hashSchema,
});
export type SignedPack = z.infer<typeof signedPackSchema>;

/**
 * `GET /api/content/signatures` (public): the content keys ever used (the app pins them on its
 * first visit) and the signature of every pack this server's build serves.
 */
export const contentSignaturesResponseSchema = z.strictObject({
  keys: z.array(issuerKeySchema),
  packs: z.array(signedPackSchema.extend({ signature: packSignatureSchema })),
});
export type ContentSignaturesResponse = z.infer<typeof contentSignaturesResponseSchema>;

export const COURSE_FILE_FORMAT = 'hocso-course-file/1';
export const COURSE_FILE_EXTENSION = '.hocso';

/**
 * A course saved as a file to pass phone to phone (gzip of this JSON): the pack's exact bytes as
 * text (their SHA-256 is the catalogue's hash), its catalogue entry and the content key's
 * signature of that entry's id, version, size and hash.
 */
export const courseFileSchema = z.strictObject({
  format: z.literal(COURSE_FILE_FORMAT),
  entry: contentManifestSchema.shape.packs.element,
  signature: packSignatureSchema,
  pack: z.string().min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;
