import { useState } from 'react';
import { updateTokens } from '../../data/credentials';
import { useCredentials } from '../../data/hooks';
import { setPin } from '../../data/profiles';
import type { ProfileRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import { createAccountApi } from '../../sync/accountApi';
import { ServerRefusal } from '../../sync/http';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';

/**
 * A forgotten PIN, for a profile signed in to an account: its owner proves it with the account's
 * login and password (checked by the server), and the PIN is taken off. A profile with no
 * account shows nothing: a PIN on this phone alone has no one else to vouch for it.
 */
export function ForgotPin({
  profile,
  onUnlocked,
}: {
  profile: ProfileRow;
  onUnlocked: () => void;
}) {
  const { t } = useTranslation();
  const credentials = useCredentials(profile.id);
  const [asking, setAsking] = useState(false);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!credentials) return null;
  if (!asking) {
    return (
      <Button variant="quiet" className="button-wide" onClick={() => setAsking(true)}>
        {t('profiles.forgotPin.open')}
      </Button>
    );
  }

  const submit = async () => {
    setError(null);
    if (!login.trim() || !password) return setError(t('profiles.forgotPin.missing'));
    setBusy(true);
    try {
      const session = await createAccountApi(window.location.origin).signIn(login, password);
      if (session.account.id !== credentials.accountId) {
        return setError(t('profiles.forgotPin.otherAccount'));
      }
      await updateTokens(profile.id, {
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
      });
      await setPin(profile.id, null);
      onUnlocked();
    } catch (failure) {
      setError(
        failure instanceof ServerRefusal
          ? t('profiles.forgotPin.wrong')
          : t('profiles.forgotPin.offline'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form settings-group"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{t('profiles.forgotPin.title')}</h2>
      <p>{t('profiles.forgotPin.why', { name: credentials.displayName })}</p>
      <TextField
        label={t('profiles.forgotPin.login')}
        value={login}
        autoComplete="username"
        onChange={setLogin}
      />
      <TextField
        label={t('profiles.forgotPin.password')}
        type="password"
        value={password}
        autoComplete="current-password"
        onChange={setPassword}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('profiles.forgotPin.submit')}
      </Button>
    </form>
  );
}
