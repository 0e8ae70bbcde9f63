import type { OrgKind } from '../../protocol';
import { agency } from './agency/agency';
import { classroom } from './classroom/classroom';
import type { OrgKindView } from './roster';
import { team } from './team/team';

/** Each kind of organisation, as the shared screens need it (the server keeps the same rules). */
export const KINDS: Record<OrgKind, OrgKindView> = { team, class: classroom, agency };

export interface MembershipLink {
  organisationId: string;
  kind: OrgKind;
  role: string;
}

/** The screen an organisation opens on for its member: a team's log, or the organisation. */
export function orgPath(membership: MembershipLink): string {
  const id = encodeURIComponent(membership.organisationId);
  const inTeam = membership.role === 'volunteer' || membership.role === 'team_leader';
  return membership.kind === 'team' && inTeam ? `/team/${id}` : `/orgs/${id}`;
}

/** The members' screen (roster and join codes) of any organisation. */
export const rosterPath = (organisationId: string) => `/orgs/${encodeURIComponent(organisationId)}`;
