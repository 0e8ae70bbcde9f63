import { useState } from 'react';
import { useParams } from 'react-router';
import { useLanguage, useTranslation } from '../../../i18n';
import type { StoredVisitVersion, VisitVersion } from '../../../protocol/visits';
import { createTeamApi } from '../../../sync/teamApi';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { formatTime } from '../format';
import { LeaderState } from './LeaderState';
import { withAccountToken } from '../../../sync/accountTokens';
import { useTeam } from './TeamContext';
import { useTeamRequest } from './useTeamRequest';
import { VisitSummary } from './VisitSummary';
import { TeamCrumb } from './TeamCrumb';

/** Two amendments of one visit, side by side; the leader chooses which stands. */
export function ConflictsScreen() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const { profileId } = useTeam(teamId);
  const { state, reload } = useTeamRequest((api, token) => api.conflicts(token, teamId), [teamId]);
  const [message, setMessage] = useState<'chosen' | 'failed' | null>(null);
  if (state.phase !== 'ready') return <LeaderState state={state} />;

  const choose = async (visitId: string, key: string) => {
    try {
      await withAccountToken(profileId, (token) =>
        createTeamApi(window.location.origin).resolve(token, teamId, visitId, key),
      );
      setMessage('chosen');
      reload();
    } catch {
      setMessage('failed');
    }
  };

  return (
    <main className="screen team">
      <TeamCrumb teamId={teamId} />
      <h1>{t('team.conflicts.title')}</h1>
      <p className="muted">{t('team.conflicts.hint')}</p>
      {message === 'chosen' && <Notice tone="success">{t('team.conflicts.chosen')}</Notice>}
      {message === 'failed' && <Notice tone="warning">{t('team.leader.needsOnline')}</Notice>}
      {state.data.length === 0 && <p>{t('team.conflicts.none')}</p>}
      {state.data.map((conflict) => (
        <section key={conflict.visitId} className="conflict" aria-label={conflict.visitId}>
          {[...(conflict.head ? [conflict.head] : []), ...conflict.rivals].map((stored, i, all) => (
            <Side
              key={stored.key}
              stored={stored}
              other={all[i === 0 ? 1 : 0]?.record}
              current={stored.key === conflict.head?.key}
              onChoose={() => void choose(conflict.visitId, stored.key)}
            />
          ))}
        </section>
      ))}
    </main>
  );
}

function Side({
  stored,
  other,
  current,
  onChoose,
}: {
  stored: StoredVisitVersion;
  other?: VisitVersion;
  current: boolean;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className={`conflict-side${current ? ' conflict-current' : ''}`}>
      <h2>
        {`${current ? t('team.conflicts.current') : t('team.conflicts.rival')} · ${t('team.detail.version', { version: stored.record.version })}`}
      </h2>
      <p className="muted">
        {t('team.conflicts.from', {
          name: stored.pushedBy.displayName,
          time: formatTime(stored.receivedAt, language),
        })}
      </p>
      <VisitSummary visit={stored.record} compareWith={other} />
      <Button variant={current ? 'secondary' : 'primary'} onClick={onChoose}>
        {t('team.conflicts.choose')}
      </Button>
    </article>
  );
}
