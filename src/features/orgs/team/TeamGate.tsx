import { useEffect, type ReactNode } from 'react';
import { useCredentials, useProfile } from '../../../data/hooks';
import { dayIsOpen, endTeamVaultDay } from '../../../data/teamVault';
import { useTeamMemberships, useTeamVaultRow } from '../../../data/teamHooks';
import { useTranslation } from '../../../i18n';
import { useSession } from '../../../state/session';
import { useTeamVault } from '../../../state/teamVault';
import { LoadingScreen, ScreenMessage } from '../../../ui/ScreenMessage';
import { TeamContext } from './TeamContext';
import { UnlockForm } from './UnlockForm';
import { useIdleLock } from './useIdleLock';
import { useMemberships } from '../useMemberships';

/** The toolkit opens only for a signed-in team member who has unlocked the log. */
export function TeamGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const online = useSession((s) => s.online);
  const credentials = useCredentials(profileId);
  useMemberships(credentials);
  const accountId = credentials?.accountId ?? '';
  const memberships = useTeamMemberships(accountId);
  const vault = useTeamVaultRow(accountId);
  const profile = useProfile(profileId);
  const unlocked = useTeamVault((s) => (s.accountId === accountId ? s.key : null));
  useIdleLock();
  // A day's unlock that is over is deleted as soon as the log is opened again.
  useEffect(() => {
    if (accountId && vault?.day && !dayIsOpen(vault)) void endTeamVaultDay(accountId);
  }, [accountId, vault]);

  if (credentials === undefined) return <LoadingScreen />;
  if (credentials === null) {
    return (
      <ScreenMessage
        message={t('team.lock.signIn')}
        actionLabel={t('team.lock.toAccount')}
        actionTo="/account"
      />
    );
  }
  if (memberships === undefined || vault === undefined || profile === undefined) {
    return <LoadingScreen />;
  }
  if (memberships === null && online) return <LoadingScreen />;
  if (!memberships?.teams.length) {
    return (
      <ScreenMessage
        message={memberships ? t('team.lock.noTeam') : t('team.lock.offlineTeams')}
        actionLabel={t('team.lock.toAccount')}
        actionTo="/account"
      />
    );
  }
  if (!unlocked) {
    return (
      <UnlockForm
        accountId={accountId}
        profileId={profileId}
        isNew={vault === null}
        pinOpens={!!profile?.pin && dayIsOpen(vault)}
        suggestPin={!profile?.pin}
      />
    );
  }
  return (
    <TeamContext.Provider value={{ profileId, accountId, key: unlocked, teams: memberships.teams }}>
      {children}
    </TeamContext.Provider>
  );
}
