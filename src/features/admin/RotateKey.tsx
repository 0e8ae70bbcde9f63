import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { createAdminApi } from '../../sync/adminApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useOrgAction } from '../orgs/useOrgAction';

/** A new certificate signing key, asked twice: the old keys stay published. */
export function RotateKey({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [keyId, setKeyId] = useState<string | null>(null);
  const { run, error, busy } = useOrgAction();

  const rotate = async () => {
    const rotated = await run(
      (token) => createAdminApi(window.location.origin).rotateIssuerKey(token),
      { conflict: t('admin.key.configured') },
    );
    setConfirming(false);
    if (!rotated) return;
    setKeyId(rotated.keyId);
    onDone?.();
  };

  return (
    <section className="settings-group" aria-labelledby="key-heading">
      <h2 id="key-heading">{t('admin.key.title')}</h2>
      <p>{t('admin.key.intro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {keyId && <Notice tone="success">{t('admin.key.done', { keyId })}</Notice>}
      {confirming ? (
        <div className="button-row">
          <Button disabled={busy} onClick={() => void rotate()}>
            {t('admin.key.confirm')}
          </Button>
          <Button variant="quiet" onClick={() => setConfirming(false)}>
            {t('admin.key.cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('admin.key.submit')}
        </Button>
      )}
    </section>
  );
}
