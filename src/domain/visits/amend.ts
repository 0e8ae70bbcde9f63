import type { VersionStatus, VisitVersion } from '../../protocol/visits';

/**
 * The amendment rule of the team log, the same on the server and in tests.
 *
 * A visit record is a chain of immutable versions. A version whose `amends` is the current head
 * becomes the new head. A version whose number is already taken by different content, or whose
 * `amends` is not the head, is stored and flagged as a conflict for the team leader: never
 * merged, never dropped. The same (visitId, version, content) again is a duplicate: accepted,
 * nothing new stored.
 */

/** What the rule needs to know of a stored version of one visit. */
export interface StoredVersionState {
  /** Names this stored row: two rows may share a version number. */
  key: string;
  version: number;
  amends: number | null;
  /** `canonicalContent` of the record. */
  content: string;
  status: VersionStatus;
}

export interface IncomingVersion {
  version: number;
  amends: number | null;
  content: string;
}

export type ConflictReason =
  /** Another version with this number and different content is already stored. */
  | 'version_taken'
  /** The version amends a version that is not the head. */
  | 'not_head';

export type AmendDecision =
  | { kind: 'duplicate'; key: string }
  | { kind: 'head'; supersedes: string | null }
  | { kind: 'conflict'; reason: ConflictReason };

/** The same JSON for the same record, whatever order its keys came in. */
export function canonicalContent(record: VisitVersion): string {
  return JSON.stringify(sortKeys(record));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function headOf(stored: readonly StoredVersionState[]): StoredVersionState | null {
  return stored.find((s) => s.status === 'head') ?? null;
}

/** Decides what becomes of an incoming version, given every stored version of its visit. */
export function decideVersion(
  stored: readonly StoredVersionState[],
  incoming: IncomingVersion,
): AmendDecision {
  const same = stored.filter((s) => s.version === incoming.version);
  const duplicate = same.find((s) => s.content === incoming.content);
  if (duplicate) return { kind: 'duplicate', key: duplicate.key };
  if (same.length > 0) return { kind: 'conflict', reason: 'version_taken' };
  const head = headOf(stored);
  if (head === null) {
    // Nothing stands yet: only a first version can start the chain.
    return incoming.amends === null
      ? { kind: 'head', supersedes: null }
      : { kind: 'conflict', reason: 'not_head' };
  }
  if (incoming.amends === head.version) return { kind: 'head', supersedes: head.key };
  return { kind: 'conflict', reason: 'not_head' };
}

/** The new statuses after applying a decision; `key` names the incoming row when one is stored. */
export function applyDecision(
  stored: readonly StoredVersionState[],
  incoming: IncomingVersion & { key: string },
  decision: AmendDecision,
): StoredVersionState[] {
  if (decision.kind === 'duplicate') return [...stored];
  const rest = stored.map((s) =>
    decision.kind === 'head' && s.key === decision.supersedes
      ? { ...s, status: 'superseded' as const }
      : s,
  );
  return [...rest, { ...incoming, status: decision.kind === 'head' ? 'head' : 'conflict' }];
}

/** Folds a sequence of arrivals into stored versions, one decision at a time. */
export function replayVersions(
  arrivals: readonly (IncomingVersion & { key: string })[],
): StoredVersionState[] {
  let stored: StoredVersionState[] = [];
  for (const arrival of arrivals) {
    stored = applyDecision(stored, arrival, decideVersion(stored, arrival));
  }
  return stored;
}

export function hasOpenConflict(stored: readonly StoredVersionState[]): boolean {
  return stored.some((s) => s.status === 'conflict');
}

export type ResolveOutcome =
  | { ok: true; head: string; superseded: string[] }
  | { ok: false; reason: 'unknown_version' | 'nothing_to_resolve' };

/**
 * The team leader chooses which stored version stands. It becomes the head; the old head and
 * every other flagged version stay in history, marked superseded.
 */
export function resolveConflict(
  stored: readonly StoredVersionState[],
  chosenKey: string,
): ResolveOutcome {
  const chosen = stored.find((s) => s.key === chosenKey);
  if (!chosen) return { ok: false, reason: 'unknown_version' };
  if (!hasOpenConflict(stored)) return { ok: false, reason: 'nothing_to_resolve' };
  const superseded = stored
    .filter((s) => s.key !== chosenKey && s.status !== 'superseded')
    .map((s) => s.key);
  return { ok: true, head: chosenKey, superseded };
}

/** The order a batch is applied in: by visit, then by version, so v1 lands before v2. */
export function compareForApply(
  a: { visitId: string; version: number },
  b: { visitId: string; version: number },
): number {
  if (a.visitId !== b.visitId) return a.visitId < b.visitId ? -1 : 1;
  return a.version - b.version;
}
