import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useLanguage, useTranslation } from '../../i18n';
import type { TeamDashboard } from '../../protocol/visits';
import { createTeamApi } from '../../sync/teamApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { FigureSection, type Figure } from './FigureSection';
import { formatTime, todayIso } from './format';
import { LeaderState } from './LeaderState';
import { withToken } from './teamAuth';
import { useTeam } from './TeamContext';
import { useServiceLabel } from './useServices';
import { useTeamRequest } from './useTeamRequest';
import { TeamCrumb } from './TeamCrumb';

/** The team leader's figures, from the server's last sync; charts load with this screen only. */
export function DashboardScreen() {
  const { teamId = '' } = useParams();
  const { state } = useTeamRequest((api, token) => api.dashboard(token, teamId), [teamId]);
  useEffect(() => {
    if (state.phase === 'ready') performance.mark('team-dashboard-rendered');
  }, [state.phase]);
  if (state.phase !== 'ready') return <LeaderState state={state} />;
  return <Dashboard teamId={teamId} dashboard={state.data} />;
}

function Dashboard({ teamId, dashboard }: { teamId: string; dashboard: TeamDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const service = useServiceLabel();
  const { profileId, team } = useTeam(teamId);
  const [failed, setFailed] = useState(false);
  const unknown = (key: string, words: (key: string) => string) =>
    key === 'unknown' ? t('team.dashboard.unknown') : words(key);
  const figures = <K extends string>(
    buckets: { key: K; count: number }[],
    label: (key: K) => string,
  ): Figure[] => buckets.map((b) => ({ key: b.key, label: label(b.key), count: b.count }));

  const download = async (format: 'csv' | 'xlsx') => {
    setFailed(false);
    try {
      const blob = await withToken(profileId, (token) =>
        createTeamApi(window.location.origin).export(token, teamId, format),
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `to-cong-nghe-so-${todayIso()}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch {
      setFailed(true);
    }
  };

  return (
    <main className="screen team dashboard">
      <TeamCrumb teamId={teamId} />
      <h1>{t('team.dashboard.title')}</h1>
      {team && <p className="muted">{team.name}</p>}
      <p className="as-of">
        {dashboard.lastSyncedAt
          ? t('team.dashboard.asOf', { time: formatTime(dashboard.lastSyncedAt, language) })
          : t('team.dashboard.neverSynced')}
      </p>
      <dl className="totals">
        <div>
          <dt>{t('team.dashboard.total')}</dt>
          <dd data-total="total">{dashboard.total}</dd>
        </div>
        <div>
          <dt>{t('team.dashboard.minutes')}</dt>
          <dd data-total="minutes">{dashboard.minutes}</dd>
        </div>
        <div>
          <dt>{t('team.dashboard.openConflicts')}</dt>
          <dd data-total="openConflicts">{dashboard.openConflicts}</dd>
        </div>
      </dl>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void download('csv')}>
          {t('team.dashboard.downloadCsv')}
        </Button>
        <Button variant="secondary" onClick={() => void download('xlsx')}>
          {t('team.dashboard.downloadXlsx')}
        </Button>
      </div>
      {failed && <Notice tone="warning">{t('team.leader.needsOnline')}</Notice>}
      <FigureSection
        id="byService"
        title={t('team.dashboard.byService')}
        figures={figures(dashboard.byService, service)}
      />
      <FigureSection
        id="byOutcome"
        title={t('team.dashboard.byOutcome')}
        figures={figures(dashboard.byOutcome, (k) => t(`team.form.outcomes.${k}`))}
      />
      <FigureSection
        id="byMonth"
        title={t('team.dashboard.byMonth')}
        figures={figures(dashboard.byMonth, (k) => `${k.slice(5)}/${k.slice(0, 4)}`)}
      />
      <FigureSection
        id="byAgeBand"
        title={t('team.dashboard.byAgeBand')}
        figures={figures(dashboard.byAgeBand, (k) =>
          unknown(k, (a) => t(`team.form.ageBands.${a as 'under18'}`)),
        )}
      />
      <FigureSection
        id="byGender"
        title={t('team.dashboard.byGender')}
        figures={figures(dashboard.byGender, (k) =>
          unknown(k, (g) => t(`team.form.genders.${g as 'female'}`)),
        )}
      />
      <FigureSection
        id="byVolunteer"
        title={t('team.dashboard.byVolunteer')}
        figures={dashboard.byVolunteer.map((v) => ({
          key: v.key,
          label: v.displayName,
          count: v.count,
        }))}
      />
      <FigureSection
        id="byVillage"
        title={t('team.dashboard.byVillage')}
        figures={figures(dashboard.byVillage, (k) => k)}
      />
    </main>
  );
}
