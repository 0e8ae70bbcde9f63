import type { ReactElement } from 'react';
import type { MemberRole, Organisation } from '../../protocol';
import type { MemberProgress } from '../../sync/orgApi';

/** One member as the roster shows them; each kind fills in what it knows of its people. */
export interface RosterMember {
  accountId: string;
  displayName: string;
  role: MemberRole;
  /** A team: when the volunteer last sent their log, and how many visits it holds. */
  lastPushAt?: string | null;
  visitCount?: number;
  /** A class or agency: each learner's courses. */
  courses?: MemberProgress['courses'];
}

/** What makes one kind of organisation different on the shared screens. */
export interface OrgKindView {
  /** The role its manager has. */
  manager: MemberRole;
  /** Roles a manager hands out with a code or a role change; the first is the default. */
  grantable: readonly MemberRole[];
  /** Its manager may attest that a learner takes a quiz under their supervision. */
  supervises: boolean;
  /** Its members as the manager's roster shows them. */
  loadRoster: (token: string, organisationId: string) => Promise<RosterMember[]>;
  /** What its manager does with the whole organisation, shown on its screen. */
  Tools?: (props: { org: Organisation }) => ReactElement;
}
