import { useState } from 'react';
import { useParams } from 'react-router';
import { useLanguage, useTranslation } from '../../i18n';
import { createTeamApi } from '../../sync/teamApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { formatDate, formatTime } from './format';
import { LeaderState } from './LeaderState';
import { withToken } from './teamAuth';
import { useTeam } from './TeamContext';
import { useTeamRequest } from './useTeamRequest';
import { TeamCrumb } from './TeamCrumb';
import { JoinCodeCard } from '../../ui/JoinCodeCard';

/** The team's members, each one's activity, and a join code (with its QR) for a new member. */
export function RosterScreen() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const { profileId } = useTeam(teamId);
  const { state } = useTeamRequest((api, token) => api.roster(token, teamId), [teamId]);
  const [joinCode, setJoinCode] = useState<{ code: string; qr: string } | null>(null);
  const [failed, setFailed] = useState(false);
  if (state.phase !== 'ready') return <LeaderState state={state} />;

  const newCode = async () => {
    setFailed(false);
    try {
      const { code } = await withToken(profileId, (token) =>
        createTeamApi(window.location.origin).joinCode(token, teamId),
      );
      // The QR library loads only here, when a leader asks for a code.
      const { toString } = await import('qrcode');
      const svg = await toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      setJoinCode({ code, qr: `data:image/svg+xml,${encodeURIComponent(svg)}` });
    } catch {
      setFailed(true);
    }
  };

  return (
    <main className="screen team">
      <TeamCrumb teamId={teamId} />
      <h1>{t('team.roster.title')}</h1>
      <p className="muted">{state.data.team.name}</p>
      <ul className="lesson-list member-list">
        {state.data.members.map((member) => (
          <li key={member.accountId} className="lesson-link">
            <span className="lesson-name">
              {member.displayName}
              <span className="muted visit-services">
                {`${t(`account.roles.${member.role as 'volunteer'}`)} · `}
                {member.lastPushAt
                  ? t('team.roster.lastPush', {
                      time: `${formatTime(member.lastPushAt, language)} ${formatDate(member.lastPushAt)}`,
                    })
                  : t('team.roster.never')}
              </span>
            </span>
            <span className="badge">{t('team.roster.visits', { count: member.visitCount })}</span>
          </li>
        ))}
      </ul>
      <Button className="button-wide" onClick={() => void newCode()}>
        {t('team.roster.newCode')}
      </Button>
      {failed && <Notice tone="warning">{t('team.leader.needsOnline')}</Notice>}
      {joinCode && (
        <JoinCodeCard
          code={joinCode.code}
          qr={joinCode.qr}
          qrAlt={t('team.roster.codeQr', { code: joinCode.code })}
          hint={t('team.roster.codeHint')}
        />
      )}
    </main>
  );
}
