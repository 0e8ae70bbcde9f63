import { z } from 'zod';
import { storedEventSchema } from './events.ts';
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

export const registerDeviceRequestSchema = z.strictObject({
  protocolVersion: z.int(),
  deviceId: z.uuid(),
});
export type RegisterDeviceRequest = z.infer<typeof registerDeviceRequestSchema>;

export const registerDeviceResponseSchema = z.object({
  deviceToken: z.string().min(32),
  protocolVersion: z.int(),
});
export type RegisterDeviceResponse = z.infer<typeof registerDeviceResponseSchema>;

/**
 * The envelope of a push. Events are checked one by one after the envelope, so that one bad
 * event is refused with its reason while the rest of the batch is stored.
 */
export const pushRequestSchema = z.strictObject({
  protocolVersion: z.int(),
  deviceId: z.uuid(),
  events: z
    .array(z.object({ id: z.uuid({ version: 'v7' }) }).loose())
    .min(1)
    .max(MAX_PUSH_BATCH),
  /**
   * The highest outbox number (the device's own `seq`) in this batch. The server keeps it per
   * device and owner once the batch is stored, so a phone whose answer was cut can ask what
   * was settled instead of sending the batch again.
   */
  highWater: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const REFUSAL_REASONS = [
  /** The event does not match its schema: it will never be accepted as it is. */
  'invalid_event',
  /** The event says it comes from another device than the one pushing it. */
  'wrong_device',
  /** Another owner already stored an event with this id. */
  'id_conflict',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const pushResponseSchema = z.object({
  accepted: z.array(z.uuid()),
  refused: z.array(
    z.object({ id: z.uuid(), reason: z.enum(REFUSAL_REASONS), message: z.string() }),
  ),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Query of `GET /api/sync/mark`: which device's mark, for the caller's own events. */
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

/** Query of `GET /api/sync/pull`. */
export const pullQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(200),
  /** Omitted: the caller's own events. `org:<id>`: its members' events, for its manager. */
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
  events: z.array(storedEventSchema),
  /** Pass back as `since` next time. Equals the last event's serverSeq, or `since` if none. */
  nextCursor: z.int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.int(),
  database: z.enum(['pglite', 'postgres']),
});
