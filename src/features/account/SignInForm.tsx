import { useState } from 'react';
import { saveCredentials } from '../../data/credentials';
import { readMeta } from '../../data/meta';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { signInRequestSchema, signUpRequestSchema } from '../../protocol';
import { createAccountApi } from '../../sync/accountApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { ResetPasswordForm } from './ResetPasswordForm';
import { useAccountAction } from './useAccountAction';
import { restartSync } from '../../sync/control';

/**
 * Sign in, or create an account. What the profile learned before stays: its events already
 * sent anonymously are claimed by the account, the rest go up as the account's.
 */
export function SignInForm() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const [mode, setMode] = useState<'signIn' | 'signUp' | 'reset'>('signIn');
  const creating = mode === 'signUp';
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const { run, error, busy } = useAccountAction();

  const submit = async () => {
    // Every problem at once, beside its field, before asking the server.
    const found = creating
      ? problemsOf(signUpRequestSchema.safeParse({ username: login, displayName, password }))
      : problemsOf(signInRequestSchema.safeParse({ login, password }));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await signIn(login, password);
  };

  const signIn = async (name: string, secret: string) => {
    const api = createAccountApi(window.location.origin);
    const session = await run(() =>
      creating
        ? api.signUp({ username: name, displayName, password: secret })
        : api.signIn(name, secret),
    );
    if (!session) return;
    await saveCredentials(profileId, session);
    const deviceToken = await readMeta('deviceToken');
    if (typeof deviceToken === 'string') {
      await run(() => api.claim(session.accessToken, deviceToken, profileId));
    }
    restartSync();
  };

  if (mode === 'reset') {
    return (
      <ResetPasswordForm
        onBack={() => setMode('signIn')}
        onReset={(resetLogin, newPassword) => {
          setMode('signIn');
          setLogin(resetLogin);
          void signIn(resetLogin, newPassword);
        }}
      />
    );
  }

  return (
    <form
      className="form"
      noValidate
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
        error={
          (problems.username ?? problems.login)
            ? t(creating ? 'account.problems.username' : 'account.problems.login')
            : undefined
        }
        onChange={setLogin}
      />
      {creating && (
        <TextField
          label={t('account.displayName')}
          value={displayName}
          autoComplete="name"
          error={problems.displayName ? t('account.problems.displayName') : undefined}
          onChange={setDisplayName}
        />
      )}
      <TextField
        label={t('account.password')}
        type="password"
        value={password}
        autoComplete={creating ? 'new-password' : 'current-password'}
        error={
          problems.password
            ? t(creating ? 'account.problems.newPassword' : 'account.problems.password')
            : undefined
        }
        onChange={setPassword}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {creating ? t('account.signUp') : t('account.signIn')}
      </Button>
      <Button
        variant="quiet"
        className="button-wide"
        onClick={() => setMode(creating ? 'signIn' : 'signUp')}
      >
        {creating ? t('account.haveAccount') : t('account.noAccount')}
      </Button>
      {!creating && (
        <Button variant="quiet" className="button-wide" onClick={() => setMode('reset')}>
          {t('account.forgot')}
        </Button>
      )}
    </form>
  );
}

type Problems = Partial<Record<'username' | 'login' | 'displayName' | 'password', true>>;

/** The fields the contract refuses, whatever its rules say today (the server checks the same). */
function problemsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  const problems: Problems = {};
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0]);
    if (
      field === 'username' ||
      field === 'login' ||
      field === 'displayName' ||
      field === 'password'
    )
      problems[field] = true;
  }
  return problems;
}
