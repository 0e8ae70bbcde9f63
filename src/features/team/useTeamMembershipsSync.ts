import { useEffect } from 'react';
import { saveTeamMemberships } from '../../data/teamVault';
import type { CredentialsRow } from '../../data/rows';
import { useSession } from '../../state/session';
import { createAccountApi } from '../../sync/accountApi';
import { withToken } from './teamAuth';

const TEAM_ROLES = new Set(['volunteer', 'team_leader']);

/** While online, refreshes which teams the signed-in account is in, so the log opens offline. */
export function useTeamMembershipsSync(credentials: CredentialsRow | null | undefined): void {
  const online = useSession((s) => s.online);
  const profileId = credentials?.profileId;
  const accountId = credentials?.accountId;
  useEffect(() => {
    if (!online || !profileId || !accountId) return;
    let live = true;
    withToken(profileId, (token) => createAccountApi(window.location.origin).memberships(token))
      .then(async (memberships) => {
        if (!live) return;
        await saveTeamMemberships({
          accountId,
          teams: memberships
            .filter((m) => m.kind === 'team' && TEAM_ROLES.has(m.role))
            .map((m) => ({
              teamId: m.organisationId,
              name: m.name,
              role: m.role as 'volunteer' | 'team_leader',
            })),
          checkedAt: new Date().toISOString(),
        });
      })
      .catch(() => undefined); // Offline or refused: the last known list stays.
    return () => {
      live = false;
    };
  }, [online, profileId, accountId]);
}
