import { useEffect, useState, type ReactNode } from 'react';
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
import { PeriodChoice } from '../PeriodChoice';
import { periodRange, type DayRange, type Period } from '../../../domain/periods';

/** The team leader's figures, from the server's last sync; charts load with this screen only. */
export function DashboardScreen() {
  const { teamId = '' } = useParams();
  const [period, setPeriod] = useState<Period>('all');
  const range = periodRange(period, todayIso());
  const { state } = useTeamRequest(
    (api, token) => api.dashboard(token, teamId, range),
    [teamId, period],
  );
  useEffect(() => {
    if (state.phase === 'ready') performance.mark('team-dashboard-rendered');
  }, [state.phase]);
  if (state.phase !== 'ready') return <LeaderState state={state} />;
  return (
    <Dashboard
      teamId={teamId}
      dashboard={state.data}
      period={<PeriodChoice value={period} onChange={setPeriod} />}
      range={range}
    />
  );
}

function Dashboard({
  teamId,
  dashboard,
  period,
  range,
}: {
  teamId: string;
  dashboard: TeamDashboard;
  /** The choice of days, which the figures and the exports follow. */
  period: ReactNode;
  range: DayRange;
}) {
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
      {period}
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
          createTeamApi(window.location.origin).export(token, teamId, format, range)
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
