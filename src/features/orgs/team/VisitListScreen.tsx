import { Link, useParams } from 'react-router';
import { useLatestReviews, useTeamVaultRow, useVisitListing } from '../../../data/teamHooks';
import { useLanguage, useTranslation } from '../../../i18n';
import { lockTeamVault } from '../../../state/teamVault';
import { Button } from '../../../ui/Button';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { formatDate, formatTime } from '../format';
import { StatusChip } from './StatusChip';
import { useTeam } from './TeamContext';
import { useSealedNames } from './useSealedNames';
import { useServiceLabel } from './useServices';
import { useSession } from '../../../state/session';
import { syncNow } from '../../../sync/control';

export function VisitListScreen() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const { accountId, key, team, isLeader } = useTeam(teamId);
  const listing = useVisitListing({ accountId, teamId });
  const vault = useTeamVaultRow(accountId);
  const waiting = listing?.heads.filter((h) => h.state === 'waiting').length ?? 0;
  const refused = listing?.heads.filter((h) => h.state === 'refused').length ?? 0;
  const reviews = useLatestReviews(accountId, teamId);
  // A review counts for the version it read: once amended, the visit waits for a new one.
  const reviewOf = (visitId: string, version: number) => {
    const review = reviews?.get(visitId);
    return review?.version === version ? review : undefined;
  };
  const sentBack =
    listing?.heads.filter((h) => reviewOf(h.visitId, h.version)?.decision === 'sent_back').length ??
    0;
  const online = useSession((s) => s.online);
  const phase = useSession((s) => s.sync.phase);
  const names = useSealedNames(key, listing?.heads);
  const label = useServiceLabel();
  if (!team) return <Notice tone="error">{t('team.leader.notAllowed')}</Notice>;
  if (!listing) return <LoadingScreen />;

  return (
    <main className="screen team">
      <h1>{team.name}</h1>
      <ButtonLink to={`/team/${teamId}/new`} className="button-wide">
        {t('team.list.new')}
      </ButtonLink>

      <section className="settings-group team-sync" aria-live="polite">
        <p>
          {waiting > 0 ? t('team.list.waiting', { count: waiting }) : t('team.list.allSent')}
          {vault?.lastSentAt && (
            <span className="muted">
              {' · '}
              {t('team.list.sentAt', { time: formatTime(vault.lastSentAt, language) })}
            </span>
          )}
        </p>
        {!online && <Notice tone="info">{t('team.list.offline')}</Notice>}
        {(phase === 'retrying' || phase === 'refused') && (
          <Notice tone="warning">{t('team.list.failed')}</Notice>
        )}
        {refused > 0 && <Notice tone="error">{t('team.list.refused', { count: refused })}</Notice>}
        {sentBack > 0 && (
          <Notice tone="warning">{t('team.list.sentBack', { count: sentBack })}</Notice>
        )}
        <Button variant="secondary" disabled={!online || phase === 'syncing'} onClick={syncNow}>
          {phase === 'syncing' ? t('team.list.syncing') : t('team.list.sync')}
        </Button>
      </section>

      {listing.drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t('team.list.drafts')}</h2>
          <ul className="lesson-list visit-list">
            {listing.drafts.map((draft) => (
              <li key={draft.draftId}>
                <Link to={`/team/${teamId}/drafts/${draft.draftId}`} className="lesson-link">
                  <span className="lesson-name">
                    {formatDate(draft.plain.date)}
                    <span className="muted visit-services">
                      {draft.plain.services.map(label).join(', ')}
                    </span>
                  </span>
                  <StatusChip status="draft" />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="visits-heading">
        <h2 id="visits-heading">{t('team.list.visits')}</h2>
        {listing.heads.length === 0 && <p className="muted">{t('team.list.empty')}</p>}
        <ul className="lesson-list visit-list">
          {listing.heads.map((head) => (
            <li key={head.visitId}>
              <Link to={`/team/${teamId}/visits/${head.visitId}`} className="lesson-link">
                <span className="lesson-name">
                  {`${formatDate(head.plain.date)} · ${names.get(head.visitId) || t('team.list.nobody')}`}
                  <span className="muted visit-services">
                    {head.plain.services.map(label).join(', ')}
                  </span>
                </span>
                <StatusChip
                  status={
                    head.state === 'sent'
                      ? (reviewOf(head.visitId, head.version)?.decision ?? 'sent')
                      : head.state
                  }
                />
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {isLeader && (
        <nav className="settings-group" aria-labelledby="leader-heading">
          <h2 id="leader-heading">{t('team.list.leader')}</h2>
          <ul className="lesson-list">
            {(['dashboard', 'review', 'conflicts', 'roster'] as const).map((page) => (
              <li key={page}>
                <Link to={`/team/${teamId}/${page}`} className="lesson-link">
                  <span className="lesson-name">{t(`team.leader.${page}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <Button variant="quiet" onClick={lockTeamVault}>
        {t('team.lock.lockNow')}
      </Button>
    </main>
  );
}
