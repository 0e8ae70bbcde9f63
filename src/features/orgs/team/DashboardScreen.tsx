import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useLanguage, useTranslation } from '../../../i18n';
import type { TeamDashboard } from '../../../protocol/visits';
import { createTeamApi } from '../../../sync/teamApi';
import { AggregateFigures, toFigures } from './AggregateFigures';
import { FigureSection } from './FigureSection';
import { formatTime, todayIso } from '../format';
import { LeaderState } from './LeaderState';
import { useTeam } from './TeamContext';
import { useTeamRequest } from './useTeamRequest';
import { TeamCrumb } from './TeamCrumb';
import { Totals } from '../../../ui/Totals';
import { FigureExports } from '../FigureExports';

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
  const { team } = useTeam(teamId);

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
      <Totals
        items={[
          { key: 'total', label: t('team.dashboard.total'), value: dashboard.total },
          { key: 'minutes', label: t('team.dashboard.minutes'), value: dashboard.minutes },
          {
            key: 'openConflicts',
            label: t('team.dashboard.openConflicts'),
            value: dashboard.openConflicts,
          },
        ]}
      />
      <FigureExports
        fetchFile={(token, format) =>
          createTeamApi(window.location.origin).export(token, teamId, format)
        }
        fileName={(format) => `to-cong-nghe-so-${todayIso()}.${format}`}
      />
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
