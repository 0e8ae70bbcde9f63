import { useState } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import {
  MAX_JOIN_CODE_USES,
  type JoinCode,
  type MemberRole,
  type Organisation,
} from '../../protocol';
import { createOrgApi } from '../../sync/orgApi';
import { Button } from '../../ui/Button';
import { JoinCodeCard } from '../../ui/JoinCodeCard';
import { Notice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { formatDate, formatTime } from './format';
import { joinLink } from './joinLink';
import type { OrgKindView } from './roster';
import { useOrgAction } from './useOrgAction';
import { useServerRead } from './useServerRead';

/** Lifetimes a manager chooses from, in minutes: an hour for a session, a month for a course. */
const LIFETIMES = ['60', '1440', '10080', '43200'] as const;

interface Made {
  code: string;
  link: string;
  qr: string;
  maxUses: number;
  expiresAt: string;
}

/** Make a join code for many people with a chosen lifetime, see the codes still open, revoke. */
export function JoinCodePanel({ org, view }: { org: Organisation; view: OrgKindView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [role, setRole] = useState<MemberRole>(view.grantable[0]!);
  const [uses, setUses] = useState('30');
  const [lifetime, setLifetime] = useState<(typeof LIFETIMES)[number]>('1440');
  const [usesError, setUsesError] = useState<string | undefined>();
  const [made, setMade] = useState<Made | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy } = useOrgAction();
  const api = createOrgApi(window.location.origin);
  const codes = useServerRead(
    (token) => createOrgApi(window.location.origin).joinCodes(token, org.id),
    [org.id],
  );
  const when = (iso: string) => `${formatTime(iso, language)} ${formatDate(iso)}`;

  const make = async () => {
    setNotice(null);
    const count = Number(uses);
    if (!/^\d+$/.test(uses.trim()) || count < 1 || count > MAX_JOIN_CODE_USES) {
      setUsesError(t('orgs.codes.usesRange', { max: MAX_JOIN_CODE_USES }));
      return;
    }
    setUsesError(undefined);
    const created = await run((token) =>
      api.createJoinCode(token, org.id, { role, maxUses: count, minutes: Number(lifetime) }),
    );
    if (!created) return;
    // The QR library loads only here, when a manager asks for a code.
    const { toString } = await import('qrcode');
    const link = joinLink(window.location.origin, created.code);
    const svg = await toString(link, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    setMade({
      code: created.code,
      link,
      qr: `data:image/svg+xml,${encodeURIComponent(svg)}`,
      maxUses: created.maxUses,
      expiresAt: created.expiresAt,
    });
    codes.reload();
  };

  const revoke = async (code: JoinCode) => {
    setNotice(null);
    if (await run((token) => api.revokeJoinCode(token, org.id, code.id))) {
      setNotice(t('orgs.codes.revoked'));
      setMade(null);
      codes.reload();
    }
  };

  return (
    <section className="settings-group" aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t('orgs.codes.title')}</h2>
      <p className="muted">{t('orgs.codes.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void make();
        }}
      >
        {view.grantable.length > 1 && (
          <SelectField
            label={t('orgs.codes.role')}
            value={role}
            options={view.grantable.map((r) => ({ value: r, label: t(`orgs.roles.${r}`) }))}
            onChange={setRole}
          />
        )}
        <TextField
          label={t('orgs.codes.uses')}
          inputMode="numeric"
          value={uses}
          error={usesError}
          onChange={setUses}
        />
        <SelectField
          label={t('orgs.codes.lifetime')}
          value={lifetime}
          options={LIFETIMES.map((minutes) => ({
            value: minutes,
            label: t(`orgs.codes.lifetimes.${minutes}`),
          }))}
          onChange={setLifetime}
        />
        <Button type="submit" className="button-wide" disabled={busy}>
          {t('orgs.codes.make')}
        </Button>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {notice && <Notice tone="success">{notice}</Notice>}
      {made && (
        <JoinCodeCard
          code={made.code}
          link={made.link}
          qr={made.qr}
          qrAlt={t('orgs.codes.qr', { code: made.code })}
          hint={t('orgs.codes.hint', { count: made.maxUses, time: when(made.expiresAt) })}
        />
      )}
      <h3>{t('orgs.codes.active')}</h3>
      {codes.state.phase === 'ready' && codes.state.data.length === 0 && (
        <p className="muted">{t('orgs.codes.noActive')}</p>
      )}
      {codes.state.phase === 'ready' && (
        <ul className="lesson-list">
          {codes.state.data.map((code) => (
            <li key={code.id} className="lesson-link">
              <span className="lesson-name">
                {t(`orgs.roles.${code.role}`)}
                <span className="muted link-list-detail">
                  {t('orgs.codes.usage', {
                    uses: code.uses,
                    max: code.maxUses,
                    time: when(code.expiresAt),
                  })}
                </span>
              </span>
              <Button
                variant="secondary"
                aria-label={t('orgs.codes.revokeLabel', {
                  role: t(`orgs.roles.${code.role}`),
                  time: when(code.expiresAt),
                })}
                onClick={() => void revoke(code)}
              >
                {t('orgs.codes.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
