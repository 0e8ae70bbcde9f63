import { markSent } from '../../../data/teamVault';
import {
  markPushed,
  readVersion,
  storePulled,
  waitingVersions,
  type PushOutcome,
} from '../../../data/visits';
import { MAX_VISIT_PUSH_BATCH } from '../../../protocol/visits';
import { createTeamApi } from '../../../sync/teamApi';
import { withToken } from '../withToken';

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

/**
 * Sends every finalized version waiting on this phone (in batches), records what the server
 * said about each, then brings back this volunteer's records logged on their other phones.
 */
export async function syncTeamVisits(target: VisitSyncTarget): Promise<VisitSyncResult> {
  const { profileId, accountId, teamId, key } = target;
  const api = createTeamApi(window.location.origin);
  const result: VisitSyncResult = { sent: 0, conflicts: 0, refused: 0, pulled: 0 };
  const waiting = await waitingVersions({ accountId, teamId });
  for (let i = 0; i < waiting.length; i += MAX_VISIT_PUSH_BATCH) {
    const batch = waiting.slice(i, i + MAX_VISIT_PUSH_BATCH);
    const versions = await Promise.all(batch.map((row) => readVersion(key, row)));
    const answer = await withToken(profileId, (token) => api.push(token, teamId, versions));
    const outcome = (state: PushOutcome) => (ref: { visitId: string; version: number }) => ({
      visitId: ref.visitId,
      version: ref.version,
      outcome: state,
    });
    await markPushed([
      ...answer.accepted.map(outcome({ state: 'sent' })),
      ...answer.conflicts.map(outcome({ state: 'conflict' })),
      ...answer.refused.map((r) => outcome({ state: 'refused', refusal: r.reason })(r)),
    ]);
    result.sent += answer.accepted.length;
    result.conflicts += answer.conflicts.length;
    result.refused += answer.refused.length;
  }
  const heads = await withToken(profileId, (token) => api.visits(token, teamId));
  result.pulled = await storePulled(
    key,
    accountId,
    heads.filter((head) => head.pushedBy.accountId === accountId),
  );
  await markSent(accountId);
  return result;
}
