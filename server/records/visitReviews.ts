import { visitReviewKind, type Refusal, type VisitReview } from '../../src/protocol';
import type { Database } from '../db/database';
import type { Principal } from '../services/principal';
import { canPush, leads, teamAccess } from '../services/teamAccess';
import { pullReviews, storeReviews, visitVolunteers } from '../services/visitReviews';
import {
  idConflicts,
  pullFromOrganisation,
  pushByOrganisation,
  type HandlerOutcome,
  type RecordHandler,
} from './handler';

const kind = visitReviewKind.kind;

const refusal = (review: VisitReview, reason: Refusal['reason'], message: string): Refusal => ({
  kind,
  id: review.id,
  reason,
  message,
});

/** The caller's standing in a team: null unless a volunteer or leader of it. */
async function standing(db: Database, caller: Principal, teamId: string) {
  if (caller.kind !== 'account') return null;
  const access = await teamAccess(db, caller.accountId, teamId);
  if (!access.ok || !canPush(access.role)) return null;
  return { accountId: caller.accountId, isLeader: leads(access.role) };
}

/** One team's reviews: only its leaders may review, and only visits logged in that team. */
async function pushToTeam(
  db: Database,
  caller: Principal,
  teamId: string,
  reviews: VisitReview[],
): Promise<HandlerOutcome> {
  const member = await standing(db, caller, teamId);
  if (!member?.isLeader) {
    return {
      accepted: [],
      refused: reviews.map((r) =>
        refusal(r, 'forbidden_scope', 'Only a leader of this team may review its visits'),
      ),
    };
  }
  const volunteers = await visitVolunteers(
    db,
    teamId,
    reviews.map((r) => r.visitId),
  );
  const refused: Refusal[] = [];
  const toStore: { review: VisitReview; volunteerId: string }[] = [];
  for (const review of reviews) {
    const volunteerId = volunteers.get(review.visitId);
    if (volunteerId) toStore.push({ review, volunteerId });
    else refused.push(refusal(review, 'wrong_team', 'No visit of this team has that id'));
  }
  const stored = await storeReviews(db, member.accountId, toStore);
  return {
    accepted: stored.accepted,
    refused: [...refused, ...idConflicts(kind, stored.conflicts)],
  };
}

/**
 * A leader's approvals and send-backs: pushed by the team's leaders (anyone else:
 * `forbidden_scope`); a leader pulls the team's, a volunteer those of the visits they logged.
 */
export const visitReviewHandler: RecordHandler<typeof visitReviewKind> = {
  kind: visitReviewKind,

  push(db, { caller, records }) {
    return pushByOrganisation(
      records,
      (review) => review.teamId,
      (teamId, reviews) => pushToTeam(db, caller, teamId, reviews),
    );
  },

  pull(db, { caller, scope, since, limit }) {
    return pullFromOrganisation(
      visitReviewKind,
      scope,
      async (teamId) => {
        const member = await standing(db, caller, teamId);
        if (!member) return null;
        return pullReviews(db, teamId, member.isLeader ? null : member.accountId, since, limit);
      },
      (review) => review.id,
    );
  },
};
