import type { SyncPhase, SyncStatus } from '../protocol/syncStatus';

/** What matters most to the person first: an outdated app, then work in progress, then trouble. */
const PRIORITY: SyncPhase[] = ['outdated', 'syncing', 'refused', 'retrying', 'offline', 'idle'];

/**
 * One status for the sync bar from every engine running on the phone (the device's and each
 * signed-in profile's), so a quiet engine never hides another one's trouble.
 */
export function combineStatuses(statuses: SyncStatus[]): SyncStatus {
  const rank = (status: SyncStatus) => PRIORITY.indexOf(status.phase);
  const [first, ...rest] = statuses;
  if (!first) return { phase: 'idle' };
  const worst = rest.reduce((a, b) => (rank(b) < rank(a) ? b : a), first);
  const retryAts = statuses
    .filter((s) => s.phase === worst.phase && s.retryAt !== undefined)
    .map((s) => s.retryAt!);
  return retryAts.length > 0 ? { ...worst, retryAt: Math.min(...retryAts) } : worst;
}
