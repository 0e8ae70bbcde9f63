import { useAssignmentRows, useOrgMemberships } from '../../data/assignmentHooks';
import { useCredentials, useProfileProgress } from '../../data/hooks';
import type { ProgrammeOfCertificate } from '../../data/rows';
import {
  courseStandings,
  currentRound,
  isProgramme,
  programmeStanding,
  standingAssignments,
} from '../../domain/assignments';
import { vietnamDay } from '../../domain/vietnamTime';
import { mayAssign } from './assignmentPaths';

/**
 * The agency programmes the open profile's account has finished (every course mastered in the
 * round that stands), from what the phone holds, so offline too: each as its certificate names
 * it. Undefined while loading; empty for a profile with no account.
 */
export function useFinishedProgrammes(profileId: string): ProgrammeOfCertificate[] | undefined {
  const credentials = useCredentials(profileId);
  const accountId = credentials?.accountId ?? '';
  const memberships = useOrgMemberships(accountId);
  const rows = useAssignmentRows(accountId);
  const progress = useProfileProgress(profileId);
  if (credentials === undefined || memberships === undefined || !rows || !progress) {
    return undefined;
  }
  if (!memberships) return [];
  // Where the account learns; where it manages, its programmes are for others.
  const learnsIn = new Set(
    memberships.organisations
      .filter((o) => !mayAssign(o.kind, o.role))
      .map((o) => o.organisationId),
  );
  const held = rows.filter((row) => learnsIn.has(row.organisationId) && row.state === 'stored');
  const standings = courseStandings(progress);
  const today = vietnamDay(new Date());
  return standingAssignments(held, accountId).flatMap(({ record, organisationId }) => {
    if (!isProgramme(record)) return [];
    const standing = programmeStanding(record, standings, undefined, today);
    if (standing.status.kind !== 'done') return [];
    return [
      {
        organisationId,
        assignmentId: record.id,
        round: currentRound(record, today).round,
        title: record.item.title,
      },
    ];
  });
}

/**
 * Whether the open profile's account is an agency's staff member (a learner of an agency), as
 * the phone last heard: their home leads with the mandatory programme and the officials'
 * courses, never a citizen's next step. False while unknown, so a citizen's home never waits.
 */
export function useIsAgencyStaff(profileId: string): boolean {
  const credentials = useCredentials(profileId);
  const memberships = useOrgMemberships(credentials?.accountId ?? '');
  return (
    memberships?.organisations.some((o) => o.kind === 'agency' && o.role === 'learner') ?? false
  );
}
