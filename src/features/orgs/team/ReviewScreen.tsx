import { useParams } from 'react-router';
import { useTranslation } from '../../../i18n';
import { LeaderState } from './LeaderState';
import { StatusChip } from './StatusChip';
import { VisitSummary } from './VisitSummary';
import { useTeamRequest } from './useTeamRequest';
import { TeamCrumb } from './TeamCrumb';
import { ReviewActions } from './ReviewActions';
import { useTeam } from './TeamContext';
import { useLatestReviews } from '../../../data/teamHooks';

/** Every record's current version across the team, newest first, for the leader to check. */
export function ReviewScreen() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const { accountId } = useTeam(teamId);
  const reviews = useLatestReviews(accountId, teamId);
  const { state } = useTeamRequest((api, token) => api.visits(token, teamId), [teamId]);
  if (state.phase !== 'ready') return <LeaderState state={state} />;
  const visits = [...state.data].sort((a, b) => b.record.date.localeCompare(a.record.date));
  return (
    <main className="screen team">
      <TeamCrumb teamId={teamId} />
      <h1>{t('team.review.title')}</h1>
      {visits.length === 0 && <p className="muted">{t('team.review.empty')}</p>}
      <ul className="review-list">
        {visits.map((visit) => (
          <li key={visit.key} className="settings-group">
            <p>
              {t('team.review.by', { name: visit.pushedBy.displayName })}{' '}
              {visit.hasConflict && <StatusChip status="conflict" />}
            </p>
            <VisitSummary visit={visit.record} />
            <ReviewActions
              teamId={teamId}
              visitId={visit.record.visitId}
              version={visit.record.version}
              latest={reviews?.get(visit.record.visitId)}
            />
          </li>
        ))}
      </ul>
    </main>
  );
}
