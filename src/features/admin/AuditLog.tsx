import { useState } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../protocol';
import { createAdminApi } from '../../sync/adminApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { formatDate, formatTime, todayIso } from '../orgs/format';
import { useOrgAction } from '../orgs/useOrgAction';
import { useServerRead } from '../orgs/useServerRead';

/** The audit log, newest first, a page at a time, of one kind of action or all. */
/** The audit log; `changes` counts the actions taken on this page, each read again at once. */
export function AuditLog({ changes = 0 }: { changes?: number }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<AuditAction | ''>('');
  return (
    <section className="settings-group" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('admin.audit.title')}</h2>
      <p>{t('admin.audit.intro')}</p>
      <div className="field">
        <label className="field-label" htmlFor="audit-filter">
          {t('admin.audit.filter')}
        </label>
        <select
          id="audit-filter"
          className="input audit-filter"
          value={action}
          onChange={(event) => setAction(event.target.value as AuditAction | '')}
        >
          <option value="">{t('admin.audit.all')}</option>
          {AUDIT_ACTIONS.map((name) => (
            <option key={name} value={name}>
              {t(`admin.audit.actions.${name}`)}
            </option>
          ))}
        </select>
      </div>
      {/* A new filter, or an action just taken, starts again from the newest. */}
      <AuditPages key={`${action}:${changes}`} action={action || undefined} />
    </section>
  );
}

function AuditPages({ action }: { action: AuditAction | undefined }) {
  const { t } = useTranslation();
  const api = createAdminApi(window.location.origin);
  const { state } = useServerRead(
    (token) => api.auditLog(token, action ? { action } : {}),
    [action],
  );
  const [older, setOlder] = useState<{ entries: AuditEntry[]; next: number | null } | null>(null);
  const { run, error, busy } = useOrgAction();

  if (state.phase === 'loading') return <p aria-busy="true" />;
  if (state.phase !== 'ready') return <Notice tone="warning">{t('admin.needsOnline')}</Notice>;
  const entries = [...state.data.entries, ...(older?.entries ?? [])];
  const next = older ? older.next : state.data.next;

  const more = async (before: number) => {
    const page = await run((token) =>
      api.auditLog(token, { ...(action ? { action } : {}), before }),
    );
    if (page) setOlder({ entries: [...(older?.entries ?? []), ...page.entries], next: page.next });
  };

  return (
    <>
      {entries.length === 0 && <p className="muted">{t('admin.audit.empty')}</p>}
      <ol className="audit-log">
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
      </ol>
      {error && <Notice tone="error">{error}</Notice>}
      {next !== null && (
        <Button variant="secondary" disabled={busy} onClick={() => void more(next)}>
          {t('admin.audit.more')}
        </Button>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="audit-entry">
      <strong>{t(`admin.audit.actions.${entry.action}`)}</strong>
      <span>{`${formatTime(entry.at, language)} ${formatDate(todayIso(new Date(entry.at)))}`}</span>
      <span className="muted">
        {entry.actorId ? t('admin.audit.actor', { id: entry.actorId }) : t('admin.audit.system')}
      </span>
      {entry.target && (
        <span className="muted">{t('admin.audit.target', { id: entry.target })}</span>
      )}
    </li>
  );
}
