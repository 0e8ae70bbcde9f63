import { useState } from 'react';
import { StorageFullError } from '../../../data/errors';
import { useWaitingCount } from '../../../data/teamHooks';
import { createTeamVault, unlockTeamVault } from '../../../data/teamVault';
import { useTranslation } from '../../../i18n';
import { WrongPassphraseError } from '../../../lib/vault';
import { unlockWith } from '../../../state/teamVault';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { TextField } from '../../../ui/TextField';
import { syncSoon } from '../../../sync/control';

const MIN_LENGTH = 6;

/** Sets the log's passphrase the first time, or opens the log with it. */
export function UnlockForm({ accountId, isNew }: { accountId: string; isNew: boolean }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Sending needs the key to read the sealed fields: while locked, waiting visits wait.
  const waiting = useWaitingCount(accountId);

  const submit = async () => {
    setError(null);
    if (isNew && passphrase.length < MIN_LENGTH) return setError(t('team.lock.tooShort'));
    if (isNew && passphrase !== confirm) return setError(t('team.lock.mismatch'));
    setBusy(true);
    try {
      const key = isNew
        ? await createTeamVault(accountId, passphrase)
        : await unlockTeamVault(accountId, passphrase);
      unlockWith(accountId, key);
      // Visits waiting for the key can go now.
      syncSoon();
    } catch (failure) {
      if (failure instanceof WrongPassphraseError) setError(t('team.lock.wrong'));
      else if (failure instanceof StorageFullError) setError(t('team.form.storageFull'));
      else throw failure;
      setBusy(false);
    }
  };

  return (
    <main className="screen">
      <h1>{t('team.lock.title')}</h1>
      <p>{t('team.lock.why')}</p>
      {!isNew && !!waiting && (
        <Notice tone="info">{t('team.waitingLocked', { count: waiting })}</Notice>
      )}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={t('team.lock.passphrase')}
          type="password"
          autoComplete={isNew ? 'new-password' : 'current-password'}
          value={passphrase}
          onChange={setPassphrase}
        />
        {isNew && (
          <TextField
            label={t('team.lock.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
          />
        )}
        {error && <Notice tone="error">{error}</Notice>}
        {busy && <p aria-live="polite">{t('team.lock.opening')}</p>}
        <Button type="submit" className="button-wide" disabled={busy || !passphrase}>
          {isNew ? t('team.lock.create') : t('team.lock.unlock')}
        </Button>
      </form>
    </main>
  );
}
