import { useLiveQuery } from 'dexie-react-hooks';
import { assignmentRows, getOrgMemberships } from './assignments';
import type { AssignmentRow, OrgMembershipsRow } from './rows';

/** The assignment records an account holds, in one organisation or in all of them. */
export function useAssignmentRows(
  accountId: string,
  organisationId?: string,
): AssignmentRow[] | undefined {
  return useLiveQuery(
    () => (accountId ? assignmentRows(accountId, organisationId) : []),
    [accountId, organisationId],
  );
}

/** The organisations the account is in, as the server last said; null before the first sync. */
export function useOrgMemberships(accountId: string): OrgMembershipsRow | null | undefined {
  return useLiveQuery(
    async () => (accountId ? ((await getOrgMemberships(accountId)) ?? null) : null),
    [accountId],
  );
}
