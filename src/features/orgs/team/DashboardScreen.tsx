import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useLanguage, useTranslation } from '../../../i18n';
import type { TeamDashboard } from '../../../protocol/visits';
import { createTeamApi } from '../../../sync/teamApi';
import { AggregateFigures, toFigures } from './AggregateFigures';
import { FigureSection } from './FigureSection';
import { formatTime, todayIso } from '../format';
import { LeaderState } from './LeaderState';
import { withToken } from '../withToken';
import { useTeam } from './TeamContext';
import { saveBlob } from '../../../lib/saveBlob';
import { useTeamRequest } from './useTeamRequest';
import { TeamCrumb } from './TeamCrumb';
import { ExportButtons } from '../../../ui/ExportButtons';

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
  const { profileId, team } = useTeam(teamId);
  const [failed, setFailed] = useState(false);

  const download = async (format: 'csv' | 'xlsx') => {
    setFailed(false);
    try {
      const blob = await withToken(profileId, (token) =>
        createTeamApi(window.location.origin).export(token, teamId, format),
      );
      saveBlob(blob, `to-cong-nghe-so-${todayIso()}.${format}`);
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
      <ExportButtons onDownload={download} failed={failed} />
      <AggregateFigures aggregates={dashboard} />
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
        figures={toFigures(dashboard.byVillage, (k) => k)}
      />
    </main>
  );
}
