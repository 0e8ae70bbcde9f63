import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { revokeCertificateRequestSchema } from '../../protocol';
import { createAdminApi } from '../../sync/adminApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useOrgAction } from '../orgs/useOrgAction';

const CERTIFICATE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes a certificate by its id, with the reason verifiers will be told. */
export function RevokeCertificateForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ id?: true; reason?: true }>({});
  const [done, setDone] = useState(false);
  const { run, error, busy } = useOrgAction();

  const submit = async () => {
    setDone(false);
    const found: typeof problems = {};
    if (!CERTIFICATE_ID.test(id.trim())) found.id = true;
    if (!revokeCertificateRequestSchema.safeParse({ reason }).success) found.reason = true;
    setProblems(found);
    if (found.id || found.reason) return;
    const revoked = await run(
      (token) => createAdminApi(window.location.origin).revokeCertificate(token, id.trim(), reason),
      { not_found: t('admin.revoke.notFound'), conflict: t('admin.revoke.already') },
    );
    if (!revoked) return;
    onDone?.();
    setDone(true);
    setId('');
    setReason('');
  };

  return (
    <form
      className="settings-group form"
      aria-labelledby="revoke-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="revoke-heading">{t('admin.revoke.title')}</h2>
      <p>{t('admin.revoke.intro')}</p>
      <TextField
        label={t('admin.revoke.id')}
        value={id}
        autoComplete="off"
        error={problems.id ? t('admin.revoke.idProblem') : undefined}
        onChange={setId}
      />
      <TextField
        label={t('admin.revoke.reason')}
        value={reason}
        error={problems.reason ? t('admin.revoke.reasonProblem') : undefined}
        onChange={setReason}
      />
      {error && <Notice tone="error">{error}</Notice>}
      {done && <Notice tone="success">{t('admin.revoke.done')}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('admin.revoke.submit')}
      </Button>
    </form>
  );
}
