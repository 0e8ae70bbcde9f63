import {
  recordKindNamed,
  type AnyRecordKind,
  type PushRequest,
  type RecordKind,
  type RecordRef,
  type Refusal,
} from '../../src/protocol';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { RECORD_HANDLERS } from '../records';
import type { KindBatch } from '../records/handler';
import { recordPushMarks } from './pushMarks';
import type { Principal } from './principal';

/** The message of a record's first schema issue, as the refusal states it. */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
}

type Parsed =
  { ok: true; data: unknown; id: string; deviceId: string } | { ok: false; message: string };

/** A record's data checked against its kind, with the id and device the data states. */
function parseRecord(kind: AnyRecordKind, data: unknown): Parsed {
  // Every kind is read through the same three parts of its declaration.
  const declared = kind as RecordKind<string, z.ZodType<unknown>, z.ZodType>;
  const parsed = declared.schema.safeParse(data);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const id = declared.idOf(parsed.data);
  return { ok: true, data: parsed.data, id, deviceId: declared.deviceOf(parsed.data) };
}

/**
 * What a push settled: the records stored (now, or before by the same owner), and a refusal
 * for each other. The push's answer states only the refusals; a carried file's receipt both.
 */
export interface PushOutcome {
  accepted: RecordRef[];
  refused: Refusal[];
}

/** A kind's valid records of a batch, once per id, in the order they came, with their ids. */
interface Share {
  ids: string[];
  records: unknown[];
}

interface SortedBatch {
  byKind: Map<AnyRecordKind, Share>;
  refused: Refusal[];
}

/** Checks each record against its kind: unknown kinds, invalid data and other devices' records are refused alone. */
function sortBatch(deviceId: string, records: PushRequest['records']): SortedBatch {
  const byKind = new Map<AnyRecordKind, Share>();
  const refused: Refusal[] = [];
  const seen = new Set<string>();
  // No closure is made per record: a push carries hundreds, and this loop is the hot path.
  for (const { kind: name, id, data } of records) {
    const kind = recordKindNamed(name);
    if (!kind) {
      const message = `This server knows no record kind "${name}"`;
      refused.push({ kind: name, id, reason: 'unknown_kind', message });
      continue;
    }
    const parsed = parseRecord(kind, data);
    if (!parsed.ok) {
      refused.push({ kind: name, id, reason: 'invalid_record', message: parsed.message });
    } else if (parsed.id !== id) {
      const message = 'id: differs from the id inside the record';
      refused.push({ kind: name, id, reason: 'invalid_record', message });
    } else if (parsed.deviceId !== deviceId) {
      const message = 'The record names another device';
      refused.push({ kind: name, id, reason: 'wrong_device', message });
    } else if (!seen.has(`${name} ${id}`)) {
      seen.add(`${name} ${id}`);
      const share = byKind.get(kind) ?? { ids: [], records: [] };
      share.ids.push(id);
      share.records.push(parsed.data);
      byKind.set(kind, share);
    }
  }
  return { byKind, refused };
}

/**
 * Settles one pushed batch: each record is checked against its kind, then each kind's records
 * go to that kind's handler. Once every handler has stored its share, the device's mark moves
 * to the batch's high water with every refusal of the batch: with the last kind's records when
 * its handler `storesMark` (learning events, the bulk of most pushes), else on its own.
 */
export async function pushRecords(
  db: Database,
  caller: Principal,
  request: PushRequest,
): Promise<PushOutcome> {
  const { deviceId, highWater } = request;
  const { byKind, refused } = sortBatch(deviceId, request.records);
  // A kind whose handler stores the mark goes last (the sort is stable), so the mark follows
  // every other kind's records.
  const shares = [...byKind].sort(([a], [b]) => storesMark(a) - storesMark(b));
  const accepted: RecordRef[] = [];
  let markStored = false;
  for (const [index, [kind, share]] of shares.entries()) {
    const handler = RECORD_HANDLERS[kind.kind];
    // Each record was parsed by this kind's own schema in `sortBatch`.
    const typed = share.records as KindBatch<typeof kind>['records'];
    const carriesMark =
      highWater !== undefined && index === shares.length - 1 && storesMark(kind) === 1;
    const mark = carriesMark ? { highWater, refused: [...refused] } : undefined;
    const outcome = await handler.push(db, {
      caller,
      deviceId,
      records: typed,
      ...(mark ? { mark } : {}),
    });
    markStored = carriesMark;
    const stored = new Set(outcome.accepted);
    expectEverySettled(kind, share.ids, stored, outcome.refused);
    for (const id of stored) accepted.push({ kind: kind.kind, id });
    refused.push(...outcome.refused);
  }
  if (highWater !== undefined && !markStored) {
    await recordPushMarks(db, [{ deviceId, ownerId: caller.ownerId, highWater, refused }]);
  }
  return { accepted, refused };
}

/**
 * The phone takes every record of its batch that is not refused as stored (protocol 4), and so
 * does its mark: a handler that left one out would lose it, so the push fails (500) and the
 * phone sends the batch again. The mark has not moved then: the only handler that moves it
 * with its records (learning events) answers for every event it is given.
 */
function expectEverySettled(
  kind: AnyRecordKind,
  ids: string[],
  stored: Set<string>,
  refused: Refusal[],
): void {
  const refusedIds = new Set(refused.map((r) => r.id));
  for (const id of ids) {
    if (!stored.has(id) && !refusedIds.has(id)) {
      throw new Error(`${kind.kind} ${id} was neither stored nor refused`);
    }
  }
}

/** 1 when the kind's handler stores a batch's mark with its records, else 0. */
function storesMark(kind: AnyRecordKind): number {
  return RECORD_HANDLERS[kind.kind].storesMark ? 1 : 0;
}
