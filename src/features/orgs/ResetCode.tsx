import { useState } from 'react';
import { useCredentials } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import type { ResetCode as Code } from '../../protocol';
import { useSession } from '../../state/session';
import { createOrgApi } from '../../sync/orgApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { formatTime } from './format';
import './ResetCode.css';
import type { RosterMember } from './roster';
import { useOrgAction } from './useOrgAction';

/**
 * A manager makes a one-time code for a member who forgot their password, and reads it out or
 * hands it over; the member types it on the sign-in screen. Shown once: only its hash is kept.
 */
export function ResetCode({ orgId, member }: { orgId: string; member: RosterMember }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { run, error, busy } = useOrgAction();
  const [code, setCode] = useState<Code | null>(null);
  const self = useCredentials(useSession((s) => s.profileId))?.accountId === member.accountId;
  // Whoever is signed in knows their password: the button is for the others.
  if (self) return null;

  const make = async () => {
    const made = await run(
      (token) => createOrgApi(window.location.origin).resetCode(token, orgId, member.accountId),
      { forbidden: t('orgs.resetCode.notAllowed') },
    );
    if (made) setCode(made);
  };

  const name = member.displayName;
  return (
    <div className="reset-code">
      <Button
        variant="secondary"
        aria-label={t('orgs.resetCode.makeFor', { name })}
        disabled={busy}
        onClick={() => void make()}
      >
        {t('orgs.resetCode.make')}
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
      {code && (
        <Notice tone="info">
          <span className="visually-hidden">{t('orgs.resetCode.code', { name })}</span>
          <strong className="reset-code-text">{code.code}</strong>
          <span>
            {t('orgs.resetCode.hint', { name, time: formatTime(code.expiresAt, language) })}
          </span>
        </Notice>
      )}
    </div>
  );
}
