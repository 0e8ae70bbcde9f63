import { Link } from 'react-router';
import { useCredentials } from '../../data/hooks';
import { useTeamMemberships, useWaitingCount } from '../../data/teamHooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { useTeamVault } from '../../state/teamVault';
import { useTeamMembershipsSync } from './useTeamMembershipsSync';

/** "Tổ công nghệ số" on home and settings, for a profile signed in as a volunteer or leader. */
export function TeamEntry() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  useTeamMembershipsSync(credentials);
  const accountId = credentials?.accountId ?? '';
  const memberships = useTeamMemberships(accountId);
  const waiting = useWaitingCount(accountId);
  const locked = useTeamVault((s) => s.accountId !== accountId || !s.key);
  if (!memberships?.teams.length) return null;
  return (
    <Link to="/team" className="card team-entry">
      <span className="card-title">{t('team.entry')}</span>
      <span className="muted">
        {!waiting
          ? t('team.entryHint')
          : locked
            ? t('team.waitingLocked', { count: waiting })
            : t('team.list.waiting', { count: waiting })}
      </span>
    </Link>
  );
}
