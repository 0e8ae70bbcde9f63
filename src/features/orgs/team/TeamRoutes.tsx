import { Navigate, Route, Routes, useParams } from 'react-router';
import { useTranslation } from '../../../i18n';
import { ButtonLink } from '../../../ui/ButtonLink';
import { TeamGate } from './TeamGate';
import { useTeamSession } from './TeamContext';
import { VisitListScreen } from './VisitListScreen';
import { lazyScreen } from '../../../ui/lazyScreen';
import { rosterPath } from '../kinds';
import './team.css';

const VisitFormScreen = lazyScreen(() => import('./VisitFormScreen'), 'VisitFormScreen');
const VisitDetailScreen = lazyScreen(() => import('./VisitDetailScreen'), 'VisitDetailScreen');
const DashboardScreen = lazyScreen(() => import('./DashboardScreen'), 'DashboardScreen');
const ReviewScreen = lazyScreen(() => import('./ReviewScreen'), 'ReviewScreen');
const ConflictsScreen = lazyScreen(() => import('./ConflictsScreen'), 'ConflictsScreen');

/** With one team, go straight to its log; with several, choose. */
function TeamChoice() {
  const { t } = useTranslation();
  const { teams } = useTeamSession();
  if (teams.length === 1) return <Navigate to={`/team/${teams[0]!.teamId}`} replace />;
  return (
    <main className="screen">
      <h1>{t('team.entry')}</h1>
      <div className="button-row">
        {teams.map((team) => (
          <ButtonLink key={team.teamId} to={`/team/${team.teamId}`} className="button-wide">
            {team.name}
          </ButtonLink>
        ))}
      </div>
    </main>
  );
}

/** The team's members live on the one roster screen every kind of organisation shares. */
function ToRoster() {
  const { teamId = '' } = useParams();
  return <Navigate to={rosterPath(teamId)} replace />;
}

/** Every toolkit screen, behind the lock; each screen's code loads when it is opened. */
export function TeamRoutes() {
  return (
    <TeamGate>
      <Routes>
        <Route index element={<TeamChoice />} />
        <Route path=":teamId" element={<VisitListScreen />} />
        <Route path=":teamId/new" element={<VisitFormScreen />} />
        <Route path=":teamId/drafts/:draftId" element={<VisitFormScreen />} />
        <Route path=":teamId/visits/:visitId" element={<VisitDetailScreen />} />
        <Route path=":teamId/dashboard" element={<DashboardScreen />} />
        <Route path=":teamId/roster" element={<ToRoster />} />
        <Route path=":teamId/review" element={<ReviewScreen />} />
        <Route path=":teamId/conflicts" element={<ConflictsScreen />} />
      </Routes>
    </TeamGate>
  );
}
