import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage, useTranslation } from '../../../i18n';
import type { CommuneVisitsSummary } from '../../../protocol/visits';
import { useSession } from '../../../state/session';
import { createAccountApi, type OfficialCommune } from '../../../sync/accountApi';
import { createCommuneApi } from '../../../sync/communeApi';
import { ServerRefusal } from '../../../sync/http';
import { Notice } from '../../../ui/Notice';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { AggregateFigures } from './AggregateFigures';
import { FigureSection } from './FigureSection';
import { formatTime, todayIso } from '../format';
import { withAccountToken } from '../../../sync/accountTokens';
import { Totals } from '../../../ui/Totals';
import { FigureExports } from '../FigureExports';
import { PeriodChoice } from '../PeriodChoice';
import { periodRange, type DayRange, type Period } from '../../../domain/periods';
import { PendingTeams } from '../PendingTeams';
import './team.css';

/** What the server said about one commune; another commune's answer counts as still loading. */
type Load =
  | { code: string; phase: 'ready'; data: CommuneVisitsSummary; place: OfficialCommune | null }
  | { code: string; phase: 'refused' | 'offline' };

/** A commune official's figures of every team's visits in the commune: online only. */
export function CommuneSummaryScreen() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const profileId = useSession((s) => s.profileId) ?? '';
  const [loaded, setLoaded] = useState<Load | null>(null);
  // Approving a team changes the figures: count again.
  const [approvals, setApprovals] = useState(0);
  const [period, setPeriod] = useState<Period>('all');

  useEffect(() => {
    let live = true;
    const origin = window.location.origin;
    withAccountToken(profileId, (token) =>
      Promise.all([
        createCommuneApi(origin).summary(token, code, periodRange(period, todayIso())),
        createAccountApi(origin).me(token),
      ]),
    )
      .then(([data, me]) => {
        const place = me.communes.find((c) => c.code === code) ?? null;
        if (live) setLoaded({ code, phase: 'ready', data, place });
      })
      .catch((error: unknown) => {
        if (!live) return;
        setLoaded({ code, phase: error instanceof ServerRefusal ? 'refused' : 'offline' });
      });
    return () => {
      live = false;
    };
  }, [profileId, code, approvals, period]);

  const state = loaded?.code === code ? loaded : null;
  if (!state) return <LoadingScreen />;
  if (state.phase !== 'ready') {
    return (
      <main className="screen team">
        <CommuneCrumb />
        <h1>{t('team.commune.title')}</h1>
        <Notice tone="warning">
          {state.phase === 'refused' ? t('team.commune.notAllowed') : t('team.leader.needsOnline')}
        </Notice>
      </main>
    );
  }
  return (
    <Summary
      summary={state.data}
      place={state.place}
      onApproved={() => setApprovals((n) => n + 1)}
      period={<PeriodChoice value={period} onChange={setPeriod} />}
      range={periodRange(period, todayIso())}
    />
  );
}

function CommuneCrumb() {
  const { t } = useTranslation();
  return (
    <p className="kicker">
      <Link to="/account" className="crumb">
        {t('team.commune.back')}
      </Link>
    </p>
  );
}

function Summary({
  summary,
  place,
  onApproved,
  period,
  range,
}: {
  summary: CommuneVisitsSummary;
  /** Its name, when this account is an official of it (a system admin may have only the code). */
  place: OfficialCommune | null;
  onApproved: () => void;
  /** The choice of days, which the figures and the exports follow. */
  period: ReactNode;
  range: DayRange;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const code = summary.communeCode;

  return (
    <main className="screen team dashboard">
      <CommuneCrumb />
      <h1>{t('team.commune.title')}</h1>
      <p className="muted">
        {place ? `${place.name}, ${place.provinceName}` : t('team.commune.code', { code })}
      </p>
      <p className="as-of">
        {summary.lastSyncedAt
          ? t('team.dashboard.asOf', { time: formatTime(summary.lastSyncedAt, language) })
          : t('team.dashboard.neverSynced')}
      </p>
      <PendingTeams code={code} onApproved={onApproved} />
      {period}
      <Totals
        items={[
          { key: 'total', label: t('team.dashboard.total'), value: summary.total },
          { key: 'minutes', label: t('team.dashboard.minutes'), value: summary.minutes },
          { key: 'teams', label: t('team.commune.teams'), value: summary.byTeam.length },
        ]}
      />
      <FigureExports
        fetchFile={(token, format) =>
          createCommuneApi(window.location.origin).export(token, code, format, range)
        }
        fileName={(format) => `so-lieu-xa-${code}-${todayIso()}.${format}`}
      />
      <AggregateFigures aggregates={summary} />
      <FigureSection
        id="byTeam"
        title={t('team.commune.byTeam')}
        figures={summary.byTeam.map((team) => ({
          key: team.key,
          label: team.name,
          count: team.count,
        }))}
      />
    </main>
  );
}
