import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { createCommuneApi, type PendingTeam } from '../../sync/communeApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { formatDate } from './format';
import { useOrgAction } from './useOrgAction';
import { withAccountToken } from '../../sync/accountTokens';

/**
 * Teams started in a commune that its official (or a system admin) has not approved yet: their
 * visits count in the commune's figures only once approved, so an unknown team cannot fill them.
 * With a commune `code`, that commune's; without, every one the caller decides for.
 */
export function PendingTeams({ code, onApproved }: { code?: string; onApproved: () => void }) {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<PendingTeam[]>([]);
  const [version, setVersion] = useState(0);
  const { run, error, busy } = useOrgAction();

  const profileId = useSession((s) => s.profileId);

  useEffect(() => {
    let live = true;
    withAccountToken(profileId, (token) =>
      createCommuneApi(window.location.origin).pendingTeams(token),
    )
      .then((all) => {
        if (live) setTeams(code ? all.filter((team) => team.communeCode === code) : all);
      })
      // Offline or refused: the figures above already say so; nothing to approve from here.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [profileId, code, version]);

  const approve = async (team: PendingTeam) => {
    const done = await run((token) =>
      createCommuneApi(window.location.origin).approve(token, team.id),
    );
    if (done) {
      setVersion((v) => v + 1);
      onApproved();
    }
  };

  if (teams.length === 0 && !error) return null;
  return (
    <section aria-labelledby="pending-teams">
      <h2 id="pending-teams">{t('team.commune.pending.title')}</h2>
      <p className="muted">{t('team.commune.pending.intro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      <ul className="lesson-list">
        {teams.map((team) => (
          <li key={team.id} className="lesson-link member-row">
            <span className="lesson-name">
              {team.name}
              <span className="muted link-list-detail">
                {code ? '' : `${team.communeName} · `}
                {t('team.commune.pending.started', { date: formatDate(team.createdAt) })}
              </span>
            </span>
            <Button disabled={busy} onClick={() => void approve(team)}>
              {t('team.commune.pending.approve')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
