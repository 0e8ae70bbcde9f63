import { useLiveQuery } from 'dexie-react-hooks';
import { database } from './db';
import type { TeamMembershipsRow, TeamVaultRow, VisitReviewRow } from './rows';
import { latestReviews } from './visitReviews';
import { countWaiting, listVisits, type DraftOwner, type VisitListing } from './visits';

/** The account's vault (salt and verifier); null before a passphrase was set. */
export function useTeamVaultRow(accountId: string): TeamVaultRow | null | undefined {
  return useLiveQuery(
    async () => (accountId ? ((await database().teamVaults.get(accountId)) ?? null) : null),
    [accountId],
  );
}

export function useTeamMemberships(accountId: string): TeamMembershipsRow | null | undefined {
  return useLiveQuery(
    async () => (accountId ? ((await database().teamMemberships.get(accountId)) ?? null) : null),
    [accountId],
  );
}

export function useVisitListing(owner: DraftOwner): VisitListing | undefined {
  return useLiveQuery(() => listVisits(owner), [owner.accountId, owner.teamId]);
}

export function useWaitingCount(accountId: string): number | undefined {
  return useLiveQuery(() => (accountId ? countWaiting(accountId) : 0), [accountId]);
}

/** The review that counts for each visit of a team, live (see `latestReviews`). */
export function useLatestReviews(
  accountId: string,
  teamId: string,
): Map<string, VisitReviewRow> | undefined {
  return useLiveQuery(() => latestReviews(accountId, teamId), [accountId, teamId]);
}
