import { createContext, useContext } from 'react';
import type { TeamMembershipsRow } from '../../../data/rows';

export interface TeamSession {
  profileId: string;
  accountId: string;
  key: CryptoKey;
  teams: TeamMembershipsRow['teams'];
}

export const TeamContext = createContext<TeamSession | null>(null);

/** The unlocked toolkit: only rendered inside TeamGate, so it is always there. */
export function useTeamSession(): TeamSession {
  const session = useContext(TeamContext);
  if (!session) throw new Error('useTeamSession outside TeamGate');
  return session;
}

export function useTeam(teamId: string) {
  const session = useTeamSession();
  const team = session.teams.find((t) => t.teamId === teamId);
  return { ...session, team, isLeader: team?.role === 'team_leader' };
}
