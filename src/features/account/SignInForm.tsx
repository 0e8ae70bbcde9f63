import { useState } from 'react';
import { saveCredentials } from '../../data/credentials';
import { readMeta } from '../../data/meta';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { createAccountApi } from '../../sync/accountApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useAccountAction } from './useAccountAction';

/**
 * Sign in, or create an account. What the profile learned before stays: its events already
 * sent anonymously are claimed by the account, the rest go up as the account's.
 */
export function SignInForm() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const [creating, setCreating] = useState(false);
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const { run, error, busy } = useAccountAction();

  const submit = async () => {
    const api = createAccountApi(window.location.origin);
    const session = await run(() =>
      creating
        ? api.signUp({ username: login, displayName, password })
        : api.signIn(login, password),
    );
    if (!session) return;
    await saveCredentials(profileId, session);
    const deviceToken = await readMeta('deviceToken');
    if (typeof deviceToken === 'string') {
      await run(() => api.claim(session.accessToken, deviceToken, profileId));
    }
    useSession.getState().restartSync();
  };

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{creating ? t('account.signUp') : t('account.signIn')}</h2>
      <TextField
        label={creating ? t('account.username') : t('account.login')}
        value={login}
        autoComplete="username"
        onChange={setLogin}
      />
      {creating && (
        <TextField
          label={t('account.displayName')}
          value={displayName}
          autoComplete="name"
          onChange={setDisplayName}
        />
      )}
      <TextField
        label={t('account.password')}
        type="password"
        value={password}
        autoComplete={creating ? 'new-password' : 'current-password'}
        onChange={setPassword}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {creating ? t('account.signUp') : t('account.signIn')}
      </Button>
      <Button variant="quiet" className="button-wide" onClick={() => setCreating(!creating)}>
        {creating ? t('account.haveAccount') : t('account.noAccount')}
      </Button>
    </form>
  );
}
