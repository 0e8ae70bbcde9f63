import { createTeamApi } from '../../../sync/teamApi';
import type { OrgKindView, RosterMember } from '../roster';

/** A community digital technology team: its leader enrols volunteers who log visits. */
export const team: OrgKindView = {
  manager: 'team_leader',
  grantable: ['volunteer', 'team_leader'],
  supervises: true,
  loadRoster: async (token, organisationId): Promise<RosterMember[]> => {
    const roster = await createTeamApi(window.location.origin).roster(token, organisationId);
    return roster.members.map((m) => ({
      accountId: m.accountId,
      displayName: m.displayName,
      role: m.role as RosterMember['role'],
      lastPushAt: m.lastPushAt,
      visitCount: m.visitCount,
    }));
  },
};
