import { z } from 'zod';
import { pulledRecordSchema, RECORD_KIND_NAMES } from './records/index.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_BATCH } from './version.ts';

/** Every refusal the server can give, as a closed list the app can translate. */
export const ERROR_CODES = [
  'invalid_body',
  'protocol_outdated',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'server_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Present with `protocol_outdated`: the version this server speaks. */
    serverProtocolVersion: z.int().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A device names its signing key: at registration, or once on its next sync. */
export const deviceKeySchema = z.strictObject({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The phone's clock when it signed: a fresh proof lets a device that lost its token get one. */
  signedAt: z.iso.datetime(),
  /** Ed25519 signature of `deviceKeyProofMessage(deviceId, key)`: it holds the key. */
  proof: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type DeviceKey = z.infer<typeof deviceKeySchema>;

export function deviceKeyProofMessage(
  deviceId: string,
  { publicKey, signedAt }: Pick<DeviceKey, 'publicKey' | 'signedAt'>,
): string {
  return `hocso-device-key/1 ${deviceId} ${publicKey} ${signedAt}`;
}

export const registerDeviceRequestSchema = z.strictObject({
  protocolVersion: z.int(),
  deviceId: z.uuid(),
  /** The device's signing key, so records it seals and others carry can be checked. */
  key: deviceKeySchema.optional(),
});
export type RegisterDeviceRequest = z.infer<typeof registerDeviceRequestSchema>;

export const registerDeviceResponseSchema = z.object({
  deviceToken: z.string().min(32),
  protocolVersion: z.int(),
});
export type RegisterDeviceResponse = z.infer<typeof registerDeviceResponseSchema>;

/** Longest id a record kind may use on the wire. */
const MAX_RECORD_ID_LENGTH = 100;

/**
 * One record in a push: its kind, its id and its data. The envelope only checks that much;
 * each record's data is then checked against its kind, so that one bad record is refused with
 * its reason while the rest of the batch is stored.
 */
const pushedRecordSchema = z.strictObject({
  kind: z.string().min(1).max(60),
  id: z.string().min(1).max(MAX_RECORD_ID_LENGTH),
  data: z.unknown(),
});
export type PushedRecord = z.infer<typeof pushedRecordSchema>;

/** `POST /api/sync/push`: a batch of records of any kinds, from one device. */
export const pushRequestSchema = z.strictObject({
  protocolVersion: z.int(),
  deviceId: z.uuid(),
  records: z.array(pushedRecordSchema).min(1).max(MAX_PUSH_BATCH),
  /**
   * The highest outbox number (the device's own `seq`) in this batch. The server keeps it per
   * device and owner once the batch is stored, so a phone whose answer was cut can ask what
   * was settled instead of sending the batch again.
   */
  highWater: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const REFUSAL_REASONS = [
  /** This server knows no record kind of that name. */
  'unknown_kind',
  /** The record does not match its kind's schema (or its id): never accepted as it is. */
  'invalid_record',
  /** The record says it comes from another device than the one pushing it. */
  'wrong_device',
  /** Another owner already stored a record with this id. */
  'id_conflict',
  /** The pusher may not write records into the scope this one names. */
  'forbidden_scope',
  /** Stored, but flagged for the organisation's manager: it amends a version no longer current. */
  'conflict',
  /** A visit: the record belongs to another team than the one the version names. */
  'wrong_team',
  /** A visit: the commune code is not on the official list. */
  'unknown_commune',
  /** A visit: a volunteer may only add versions to visits they logged (a leader may amend any). */
  'not_owner',
  /** An assignment: no course or walkthrough has that id (or no assignment, for a withdrawal). */
  'unknown_item',
  /** An assignment: its due date is before today (the server's date, in Vietnam). */
  'past_due_date',
  /** An assignment: the person it names is not a learner of the organisation. */
  'not_member',
  /** An assignment: its start date is after its due date. */
  'due_before_start',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const refusalSchema = z.object({
  kind: z.string(),
  id: z.string(),
  reason: z.enum(REFUSAL_REASONS),
  message: z.string(),
});
export type Refusal = z.infer<typeof refusalSchema>;

/** A record named by its kind and id. */
export const recordRefSchema = z.object({ kind: z.string(), id: z.string() });
export type RecordRef = z.infer<typeof recordRefSchema>;

/**
 * The answer to a push: a typed refusal for each record refused. Every other record of the
 * batch is stored (now, or before by the same owner): the phone knows what it sent, so the
 * answer does not list it back (protocol 4).
 */
export const pushResponseSchema = z.object({ refused: z.array(refusalSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/**
 * What a push stored, as its answer says: every record sent but the refused ones (a visit
 * version refused as a `conflict` is stored but flagged, so it is not among them), once each,
 * in the order sent.
 */
export function storedOf(sent: readonly RecordRef[], refused: readonly RecordRef[]): RecordRef[] {
  // The keys not to list: those refused, and those listed already.
  const skipped = new Set(refused.map(({ kind, id }) => `${kind} ${id}`));
  const stored: RecordRef[] = [];
  for (const { kind, id } of sent) {
    const key = `${kind} ${id}`;
    if (skipped.has(key)) continue;
    skipped.add(key);
    stored.push({ kind, id });
  }
  return stored;
}

/** Query of `GET /api/sync/mark`: which device's mark, for the caller's own records. */
export const pushMarkQuerySchema = z.strictObject({ deviceId: z.uuid() });

/**
 * The device's high-water mark for the caller: every outbox entry up to `highWater` has been
 * settled, as accepted unless it is listed in `refused` (the refusals of the last batch).
 */
export const pushMarkSchema = z.object({
  highWater: z.int().min(0),
  refused: pushResponseSchema.shape.refused,
});
export type PushMark = z.infer<typeof pushMarkSchema>;

/** Query of `GET /api/sync/pull`: one kind, after the server cursor `since`. */
export const pullQuerySchema = z.strictObject({
  kind: z.enum(RECORD_KIND_NAMES),
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(200),
  /** Omitted: the caller's own records. `org:<id>`: the organisation's, for who may read them. */
  scope: z
    .string()
    .regex(
      /^org:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'org:<organisation id>',
    )
    .optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  records: z.array(pulledRecordSchema),
  /** Pass back as `since` next time. The server's cursor after the last record, or `since`. */
  nextCursor: z.int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.int(),
  database: z.enum(['pglite', 'postgres']),
});
