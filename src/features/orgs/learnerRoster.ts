import { createOrgApi } from '../../sync/orgApi';
import type { RosterMember } from './roster';

/** Every member with their role, and each learner's courses: the roster of a class or agency. */
export async function loadLearnerRoster(
  token: string,
  organisationId: string,
): Promise<RosterMember[]> {
  const api = createOrgApi(window.location.origin);
  const [members, progress] = await Promise.all([
    api.members(token, organisationId),
    api.progress(token, organisationId),
  ]);
  const courses = new Map(progress.map((p) => [p.accountId, p.courses]));
  return members.map((member) => {
    const learned = courses.get(member.accountId);
    return learned ? { ...member, courses: learned } : member;
  });
}
