import { getDeviceId } from '../../../data/meta';
import { markSent } from '../../../data/teamVault';
import {
  markPushed,
  readVersion,
  storePulled,
  waitingVersions,
  type PushOutcome,
} from '../../../data/visits';
import {
  MAX_PUSH_BATCH,
  visitRecord,
  visitVersionId,
  visitVersionKind,
  type PushResponse,
  type StoredVisitVersion,
} from '../../../protocol';
import { createSyncApi } from '../../../sync/http';
import { withAccountToken } from '../../../sync/accountTokens';

export interface VisitSyncTarget {
  profileId: string;
  accountId: string;
  teamId: string;
  /** The unlocked key: pushing needs it to read the sealed personal fields. */
  key: CryptoKey;
}

export interface VisitSyncResult {
  sent: number;
  conflicts: number;
  refused: number;
  pulled: number;
}

/** What the server said of each version of a batch, by the version's wire id. */
function outcomesOf(answer: PushResponse): Map<string, PushOutcome> {
  const outcomes = new Map<string, PushOutcome>();
  for (const { kind, id } of answer.accepted) {
    if (kind === visitVersionKind.kind) outcomes.set(id, { state: 'sent' });
  }
  for (const { kind, id, reason } of answer.refused) {
    if (kind !== visitVersionKind.kind) continue;
    outcomes.set(
      id,
      reason === 'conflict' ? { state: 'conflict' } : { state: 'refused', refusal: reason },
    );
  }
  return outcomes;
}

/**
 * Sends every finalized version waiting on this phone (in batches) through the one sync push,
 * records what the server said about each, then brings back this volunteer's versions logged
 * on their other phones.
 */
export async function syncTeamVisits(target: VisitSyncTarget): Promise<VisitSyncResult> {
  const { profileId, accountId, teamId, key } = target;
  const api = createSyncApi(window.location.origin);
  const deviceId = await getDeviceId();
  const result: VisitSyncResult = { sent: 0, conflicts: 0, refused: 0, pulled: 0 };
  const waiting = await waitingVersions({ accountId, teamId });
  for (let i = 0; i < waiting.length; i += MAX_PUSH_BATCH) {
    const batch = waiting.slice(i, i + MAX_PUSH_BATCH);
    const versions = await Promise.all(batch.map((row) => readVersion(key, row)));
    const records = versions.map(visitRecord);
    const answer = await withAccountToken(profileId, (token) => api.push(token, deviceId, records));
    const outcomes = outcomesOf(answer);
    const settled = versions.flatMap((v) => {
      const outcome = outcomes.get(visitVersionId(v));
      return outcome ? [{ visitId: v.visitId, version: v.version, outcome }] : [];
    });
    await markPushed(settled);
    for (const { outcome } of settled) {
      if (outcome.state === 'sent') result.sent += 1;
      else if (outcome.state === 'conflict') result.conflicts += 1;
      else result.refused += 1;
    }
  }
  const pulled: StoredVisitVersion[] = [];
  for (let since = 0, hasMore = true; hasMore;) {
    const page = await withAccountToken(profileId, (token) =>
      api.pull(token, visitVersionKind.kind, since, MAX_PUSH_BATCH, `org:${teamId}`),
    );
    for (const r of page.records) if (r.kind === visitVersionKind.kind) pulled.push(r.data);
    ({ nextCursor: since, hasMore } = page);
  }
  result.pulled = await storePulled(
    key,
    accountId,
    pulled.filter((stored) => stored.pushedBy.accountId === accountId),
  );
  await markSent(accountId);
  return result;
}
