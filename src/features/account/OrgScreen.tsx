import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useCredentials } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { createAccountApi, type MemberProgress } from '../../sync/accountApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { useAccountAction } from './useAccountAction';
import { JoinCodeCard } from '../../ui/JoinCodeCard';

/** A class (or team) for its manager: each member's progress, and join codes with a QR. */
export function OrgScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  const [members, setMembers] = useState<MemberProgress[] | null>(null);
  const [joinCode, setJoinCode] = useState<{ code: string; qr: string } | null>(null);
  const { run, error, busy } = useAccountAction();
  const token = credentials?.accessToken;

  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!token) return;
    let live = true;
    createAccountApi(window.location.origin)
      .progress(token, organisationId)
      .then((list) => live && setMembers(list))
      .catch(() => live && setRefused(true));
    return () => {
      live = false;
    };
  }, [token, organisationId]);

  if (!credentials) return <LoadingScreen />;

  const newCode = async () => {
    const created = await run(() =>
      createAccountApi(window.location.origin).createJoinCode(
        credentials.accessToken,
        organisationId,
        'learner',
      ),
    );
    if (!created) return;
    // The QR library loads only here, when a manager asks for a code.
    const { toString } = await import('qrcode');
    const svg = await toString(created.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    setJoinCode({ code: created.code, qr: `data:image/svg+xml,${encodeURIComponent(svg)}` });
  };

  return (
    <main className="screen">
      <h1>{t('account.org.members')}</h1>
      {error && <Notice tone="error">{error}</Notice>}
      {refused && <Notice tone="error">{t('account.org.notAllowed')}</Notice>}
      <ul className="lesson-list member-list">
        {members?.map((member) => (
          <li key={member.accountId} className="lesson-link">
            <span className="lesson-name">{member.displayName}</span>
            <span className="muted">
              {member.courses.length === 0
                ? t('account.org.noProgress')
                : member.courses
                    .map(
                      (c) =>
                        `${t('account.org.lessons', { count: c.lessonsDone })}${c.passed ? ` · ${t('account.org.passed')}` : ''}`,
                    )
                    .join(', ')}
            </span>
          </li>
        ))}
      </ul>
      <Button className="button-wide" disabled={busy} onClick={() => void newCode()}>
        {t('account.org.newCode')}
      </Button>
      {joinCode && (
        <JoinCodeCard
          code={joinCode.code}
          qr={joinCode.qr}
          qrAlt={t('account.org.codeQr', { code: joinCode.code })}
          hint={t('account.org.codeHint')}
        />
      )}
    </main>
  );
}
