import { useState } from 'react';
import { updateTokens } from '../../../data/credentials';
import { StorageFullError } from '../../../data/errors';
import { checkPin } from '../../../data/profiles';
import { useWaitingCount } from '../../../data/teamHooks';
import { createTeamVault, reopenTeamVault, unlockTeamVault } from '../../../data/teamVault';
import { useTranslation } from '../../../i18n';
import { WrongPassphraseError } from '../../../lib/vault';
import { unlockWith } from '../../../state/teamVault';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { TextField } from '../../../ui/TextField';
import { syncSoon } from '../../../sync/control';
import { createAccountApi } from '../../../sync/accountApi';
import { withAccountToken } from '../../../sync/accountTokens';
import { ServerRefusal } from '../../../sync/http';

type PasswordCheck = 'ok' | 'wrong' | 'offline';

/**
 * Asks the server whether this is the signed-in account's password (by signing in again with
 * the account's own login), so the log is made under the account's password, not a new secret.
 */
async function checkAccountPassword(
  profileId: string,
  accountId: string,
  password: string,
): Promise<PasswordCheck> {
  const api = createAccountApi(window.location.origin);
  try {
    const me = await withAccountToken(profileId, (token) => api.me(token));
    const login = me.account.username ?? me.account.phone;
    if (!login) return 'wrong';
    const session = await api.signIn(login, password);
    if (session.account.id !== accountId) return 'wrong';
    await updateTokens(profileId, {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    });
    return 'ok';
  } catch (failure) {
    return failure instanceof ServerRefusal ? 'wrong' : 'offline';
  }
}

export interface UnlockFormProps {
  accountId: string;
  profileId: string;
  /** No log on this phone yet: it is made under the account's password (checked online). */
  isNew: boolean;
  /** Today's unlock is there and the profile has a PIN: the PIN reopens the log. */
  pinOpens: boolean;
  /** The profile has no PIN: say that one would reopen the log for the rest of the day. */
  suggestPin?: boolean;
}

/**
 * Opens the log: once a day with the account's password, and for the rest of that day with
 * the profile's PIN (after a reload, or when it locked itself while idle).
 */
export function UnlockForm({
  accountId,
  profileId,
  isNew,
  pinOpens,
  suggestPin = false,
}: UnlockFormProps) {
  const { t } = useTranslation();
  const [usePin, setUsePin] = useState(pinOpens);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Sending needs the key to read the sealed fields: while locked, waiting visits wait.
  const waiting = useWaitingCount(accountId);

  const opened = (key: CryptoKey) => {
    unlockWith(accountId, key);
    // Visits waiting for the key can go now.
    syncSoon();
  };

  const withPin = async () => {
    const check = await checkPin(profileId, secret);
    if (!check.ok) {
      setSecret('');
      return setError(
        check.waitMs > 0
          ? t('team.lock.pinWait', { seconds: Math.ceil(check.waitMs / 1000) })
          : t('team.lock.pinWrong'),
      );
    }
    const key = await reopenTeamVault(accountId);
    if (key) return opened(key);
    // The day ended while the form was open: the account's password is needed.
    setSecret('');
    setUsePin(false);
    setError(t('team.lock.dayOver'));
  };

  const withPassword = async () => {
    if (isNew) {
      const check = await checkAccountPassword(profileId, accountId, secret);
      if (check !== 'ok') {
        return setError(check === 'wrong' ? t('team.lock.wrong') : t('team.lock.needOnline'));
      }
      return opened(await createTeamVault(accountId, secret));
    }
    opened(await unlockTeamVault(accountId, secret));
  };

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await (usePin ? withPin() : withPassword());
    } catch (failure) {
      if (failure instanceof WrongPassphraseError) setError(t('team.lock.wrong'));
      else if (failure instanceof StorageFullError) setError(t('team.form.storageFull'));
      else throw failure;
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen">
      <h1>{t('team.lock.title')}</h1>
      <p>{usePin ? t('team.lock.whyPin') : t('team.lock.why')}</p>
      {suggestPin && <p className="muted">{t('team.lock.setPinHint')}</p>}
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
        {usePin ? (
          <TextField
            key="pin"
            label={t('team.lock.pin')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={secret}
            onChange={(value) => setSecret(value.replace(/\D/g, ''))}
            error={error ?? undefined}
          />
        ) : (
          <TextField
            key="password"
            label={t('team.lock.password')}
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={setSecret}
            error={error ?? undefined}
          />
        )}
        {busy && <p aria-live="polite">{t('team.lock.opening')}</p>}
        <Button type="submit" className="button-wide" disabled={busy || !secret}>
          {t('team.lock.unlock')}
        </Button>
        {pinOpens && (
          <Button
            variant="quiet"
            className="button-wide"
            onClick={() => {
              setUsePin(!usePin);
              setSecret('');
              setError(null);
            }}
          >
            {usePin ? t('team.lock.usePassword') : t('team.lock.usePin')}
          </Button>
        )}
      </form>
    </main>
  );
}
