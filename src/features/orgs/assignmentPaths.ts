import type { MemberRole, OrgKind } from '../../protocol';

/** Where a class's teacher or an agency's admin gives and withdraws assignments. */
export const assignmentsPath = (organisationId: string) =>
  `/orgs/${encodeURIComponent(organisationId)}/assignments`;

/** The progress table to print and export. */
export const progressSheetPath = (organisationId: string) =>
  `${assignmentsPath(organisationId)}/progress`;

/** Who assigns in each kind of organisation that takes assignments (the server checks the same). */
const ASSIGNERS: Partial<Record<OrgKind, MemberRole>> = {
  class: 'teacher',
  agency: 'agency_admin',
};

export const mayAssign = (kind: OrgKind, role: MemberRole) => ASSIGNERS[kind] === role;
