import { useEffect, useState } from 'react';
import type { CredentialsRow } from '../../data/rows';
import { useTeamMemberships } from '../../data/teamHooks';
import { saveTeamMemberships } from '../../data/teamVault';
import { useSession } from '../../state/session';
import { createAccountApi, type Membership } from '../../sync/accountApi';
import { withAccountToken } from '../../sync/accountTokens';

const TEAM_ROLES = new Set(['volunteer', 'team_leader']);

/**
 * Every organisation the signed-in account belongs to. While online it asks the server and
 * keeps the teams on the phone, so the team's log opens offline; offline it shows those teams.
 * Undefined while unknown.
 */
export function useMemberships(
  credentials: CredentialsRow | null | undefined,
): Membership[] | undefined {
  const online = useSession((s) => s.online);
  const profileId = credentials?.profileId;
  const accountId = credentials?.accountId ?? '';
  const cached = useTeamMemberships(accountId);
  const [fetched, setFetched] = useState<{ accountId: string; list: Membership[] } | null>(null);

  useEffect(() => {
    if (!online || !profileId || !accountId) return;
    let live = true;
    withAccountToken(profileId, (token) =>
      createAccountApi(window.location.origin).memberships(token),
    )
      .then(async (memberships) => {
        if (!live) return;
        setFetched({ accountId, list: memberships });
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

  if (!credentials) return credentials === null ? [] : undefined;
  if (fetched?.accountId === accountId) return fetched.list;
  if (cached === undefined) return undefined;
  return (cached?.teams ?? []).map((team) => ({
    organisationId: team.teamId,
    kind: 'team',
    name: team.name,
    role: team.role,
  }));
}
