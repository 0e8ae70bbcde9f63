import type { z } from 'zod';
import type { AnyRecordKind, PulledRecord, Refusal } from '../../src/protocol';
import type { Database } from '../db/database';
import type { RecordPage } from '../services/pages';
import type { Principal } from '../services/principal';

/**
 * The device's high-water mark and the batch's refusals so far, to store once every record of
 * the batch is stored. The handler adds its own refusals to it.
 */
export interface BatchMark {
  highWater: number;
  refused: Refusal[];
}

/** One kind's share of a push, each record already checked against the kind's schema. */
export interface KindBatch<K extends AnyRecordKind> {
  caller: Principal;
  deviceId: string;
  records: z.infer<K['schema']>[];
  /**
   * Given only to the batch's last kind, when its handler `storesMark`: stored in the same
   * write as its records (one pass through the writer instead of two).
   */
  mark?: BatchMark;
}

/** What a handler made of its records: the ids it stored (now or before), the rest refused. */
export interface HandlerOutcome {
  accepted: string[];
  refused: Refusal[];
}

export interface PullRequest {
  caller: Principal;
  /** `org:<id>`, or undefined for the caller's own records. */
  scope?: string;
  since: number;
  limit: number;
}

export interface PulledPage {
  records: PulledRecord[];
  nextCursor: number;
  hasMore: boolean;
}

/**
 * The server side of one record kind: checks role and scope, and folds records into the
 * kind's tables (through services). `pull` answers null when the caller may not read the scope.
 */
export interface RecordHandler<K extends AnyRecordKind = AnyRecordKind> {
  kind: K;
  /** Stores a batch's `mark` with its own records, after them, never before. */
  storesMark?: boolean;
  push(db: Database, batch: KindBatch<K>): Promise<HandlerOutcome>;
  pull(db: Database, request: PullRequest): Promise<PulledPage | null>;
}

/**
 * Pushes records one organisation's share at a time (a team's, a class's, an agency's), in the
 * order each first appears, and gathers what every share accepted and refused.
 */
export async function pushByOrganisation<R>(
  records: readonly R[],
  organisationOf: (record: R) => string,
  pushShare: (organisationId: string, share: R[]) => Promise<HandlerOutcome>,
): Promise<HandlerOutcome> {
  const shares = new Map<string, R[]>();
  for (const record of records) {
    const id = organisationOf(record);
    const share = shares.get(id) ?? [];
    share.push(record);
    shares.set(id, share);
  }
  const outcome: HandlerOutcome = { accepted: [], refused: [] };
  for (const [id, share] of shares) {
    const pushed = await pushShare(id, share);
    outcome.accepted.push(...pushed.accepted);
    outcome.refused.push(...pushed.refused);
  }
  return outcome;
}

/** The refusals of records whose id another record already has. */
export function idConflicts(kind: string, ids: readonly string[]): Refusal[] {
  return ids.map((id) => ({
    kind,
    id,
    reason: 'id_conflict',
    message: 'Another record already has this id',
  }));
}

/**
 * Answers a pull scoped to one organisation (`org:<id>`): `readPage` reads the organisation's
 * page of stored records of `kind`, or answers null when the caller may not read them; each
 * record goes out under the id `idOf` gives it.
 */
export async function pullFromOrganisation<K extends AnyRecordKind>(
  kind: K,
  scope: string | undefined,
  readPage: (organisationId: string) => Promise<RecordPage<z.infer<K['stored']>> | null>,
  idOf: (stored: z.infer<K['stored']>) => string,
): Promise<PulledPage | null> {
  if (!scope?.startsWith('org:')) return null;
  const page = await readPage(scope.slice('org:'.length));
  if (!page) return null;
  return {
    // The data is K's stored shape (readPage's type says so), so the pair is one of PulledRecord's.
    records: page.records.map(
      (data) => ({ kind: kind.kind, id: idOf(data), data }) as PulledRecord,
    ),
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
  };
}
