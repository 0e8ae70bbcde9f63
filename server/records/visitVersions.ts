import {
  visitVersionId,
  visitVersionKind,
  type Refusal,
  type VisitVersion,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Principal } from '../services/principal';
import { canPush, leads, teamAccess } from '../services/teamAccess';
import { pullVersions } from '../services/visitReads';
import { pushVisits } from '../services/visits';
import {
  pullFromOrganisation,
  pushByOrganisation,
  type HandlerOutcome,
  type RecordHandler,
} from './handler';

const kind = visitVersionKind.kind;

/** The caller's role in the team a scope or a version names, when they may log its visits. */
async function teamMember(db: Database, caller: Principal, teamId: string) {
  if (caller.kind !== 'account') return null;
  const access = await teamAccess(db, caller.accountId, teamId);
  if (!access.ok || !canPush(access.role)) return null;
  return { accountId: caller.accountId, isLeader: leads(access.role) };
}

/** One team's share of a push, stored by the amendment rule; conflicts are flagged, not lost. */
async function pushToTeam(
  db: Database,
  caller: Principal,
  teamId: string,
  versions: VisitVersion[],
): Promise<HandlerOutcome> {
  const pusher = await teamMember(db, caller, teamId);
  if (!pusher) {
    return {
      accepted: [],
      refused: versions.map((v) => ({
        kind,
        id: visitVersionId(v),
        reason: 'forbidden_scope',
        message: 'Only a volunteer or leader of this team may log its visits',
      })),
    };
  }
  const outcome = await pushVisits(db, teamId, pusher, versions);
  const refused: Refusal[] = [
    ...outcome.conflicts.map((ref) => ({
      kind,
      id: visitVersionId(ref),
      reason: 'conflict' as const,
      message: 'Stored and flagged for the team leader: it amends a version no longer current',
    })),
    ...outcome.refused.map(({ reason, message, ...ref }) => ({
      kind,
      id: visitVersionId(ref),
      reason,
      message,
    })),
  ];
  return { accepted: outcome.accepted.map(visitVersionId), refused };
}

/**
 * Visit versions belong to the team they name: a team's volunteers and leaders push them, a
 * volunteer pulls back the versions of the visits they logged, a leader every version of the
 * team. The scope of a pull is always `org:<team id>`.
 */
export const visitVersionHandler: RecordHandler<typeof visitVersionKind> = {
  kind: visitVersionKind,

  push(db, { caller, records }) {
    return pushByOrganisation(
      records,
      (version) => version.teamId,
      (teamId, versions) => pushToTeam(db, caller, teamId, versions),
    );
  },

  pull(db, { caller, scope, since, limit }) {
    return pullFromOrganisation(
      visitVersionKind,
      scope,
      async (teamId) => {
        const member = await teamMember(db, caller, teamId);
        if (!member) return null;
        return pullVersions(db, teamId, member.isLeader ? null : member.accountId, since, limit);
      },
      (version) => visitVersionId(version.record),
    );
  },
};
