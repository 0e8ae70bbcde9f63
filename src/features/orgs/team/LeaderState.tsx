import { useTranslation } from '../../../i18n';
import { Notice } from '../../../ui/Notice';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import type { TeamRequest } from './useTeamRequest';

/** What a leader screen shows before its data is there. */
export function LeaderState({ state }: { state: TeamRequest<unknown> }) {
  const { t } = useTranslation();
  if (state.phase === 'loading') return <LoadingScreen />;
  return (
    <main className="screen team">
      <Notice tone="warning">
        {state.phase === 'refused' ? t('team.leader.notAllowed') : t('team.leader.needsOnline')}
      </Notice>
    </main>
  );
}
