import { z } from 'zod';
import { pushRequestSchema, pushResponseSchema, recordRefSchema } from './sync.ts';

/**
 * Carry to sync: a phone with no connection seals its waiting records for the server and signs
 * them with its device key; any signed-in person's phone may carry the file and forward it.
 * DO NOT CHANGE THE FILE FORMAT WITHOUT A NEW `version`: files already made must still open.
 */
export const CARRY_FORMAT = 'hocso-carry';
export const CARRY_FORMAT_VERSION = 1;

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .length(Math.ceil((bytes * 4) / 3));

/** The file as the carrier holds it: only what the server needs to open it is readable. */
export const carryFileSchema = z.strictObject({
  format: z.literal(CARRY_FORMAT),
  version: z.literal(CARRY_FORMAT_VERSION),
  /** Which of the server's sealing keys the file was sealed for. */
  keyId: z.string().min(1).max(40),
  /** The sender's one-time X25519 public key. */
  ephemeralKey: base64url(32),
  nonce: base64url(12),
  /** AES-256-GCM of the device's signature and the compressed bundle; at most ~2 MB. */
  sealed: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .min(100)
    .max(3 * 1024 * 1024),
});
export type CarryFile = z.infer<typeof carryFileSchema>;

/**
 * What is sealed inside, after the device's id, public key and signature: a batch as the device
 * would push it, with when it was made.
 */
export const carryBundleSchema = z.strictObject({
  protocolVersion: z.int(),
  bundleId: z.uuid(),
  /** Counts the device's bundles, 1, 2, 3 …: a later one holds every record still waiting. */
  counter: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  createdAt: z.iso.datetime(),
  records: pushRequestSchema.shape.records,
});
export type CarryBundle = z.infer<typeof carryBundleSchema>;

/** Why a carried file was refused; nothing of it was stored. */
export const CARRY_REFUSALS = [
  /** Not a carry file, or cut short (a truncated download or copy). */
  'malformed',
  /** Sealed for a key this server does not hold: made for another server. */
  'foreign',
  /** The seal does not open: the file was altered on the way. */
  'altered',
  /** The device's signature does not match the key the server holds for that device. */
  'bad_signature',
  /** The device is registered without a key, so nothing signed by it can be checked. */
  'device_key_unknown',
  /** Made by an app speaking a protocol version whose records this server does not read. */
  'protocol_mismatch',
] as const;
export type CarryRefusal = (typeof CARRY_REFUSALS)[number];

export const carrySealKeySchema = z.object({
  keyId: z.string(),
  /** X25519 public key, base64url. */
  publicKey: base64url(32),
});
export type CarrySealKey = z.infer<typeof carrySealKeySchema>;

/**
 * `POST /api/sync/carried`: the file as it was made (a `carryFileSchema`). It is read by the
 * server, so that a cut or foreign file gets its typed reason rather than a bad request.
 */
export const carriedRequestSchema = z.strictObject({
  protocolVersion: z.int(),
  file: z.unknown(),
});
export type CarriedRequest = z.infer<typeof carriedRequestSchema>;

/**
 * The carrier learns only whether the file arrived, never what it held: stored now, already
 * received before (a replay changes nothing), or refused with the reason.
 */
export const carriedResponseSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('stored') }),
  z.object({ outcome: z.literal('already_received') }),
  z.object({ outcome: z.literal('refused'), reason: z.enum(CARRY_REFUSALS) }),
]);
export type CarriedResponse = z.infer<typeof carriedResponseSchema>;

/** `GET /api/sync/carried/receipts?deviceId=`: what arrived of this device's bundles. */
export const carryReceiptsQuerySchema = z.strictObject({ deviceId: z.uuid() });

export const carryReceiptsSchema = z.object({
  receipts: z.array(
    z.object({
      bundleId: z.uuid(),
      receivedAt: z.iso.datetime(),
      accepted: z.array(recordRefSchema),
      refused: pushResponseSchema.shape.refused,
    }),
  ),
});
export type CarryReceipts = z.infer<typeof carryReceiptsSchema>;
