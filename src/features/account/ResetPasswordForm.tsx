import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { resetPasswordRequestSchema } from '../../protocol';
import { createAccountApi } from '../../sync/accountApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useAccountAction } from './useAccountAction';

interface ResetPasswordFormProps {
  /** The new password is saved: sign in with it. */
  onReset: (login: string, password: string) => void;
  onBack: () => void;
}

type Field = 'login' | 'code' | 'password';

/** A forgotten password replaced with a one-time code from a manager: no e-mail, no SMS. */
export function ResetPasswordForm({ onReset, onBack }: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, true>>>({});
  const { run, error, busy } = useAccountAction();

  const submit = async () => {
    const input = { login, code, password };
    // Every problem at once, beside its field, before asking the server.
    const parsed = resetPasswordRequestSchema.safeParse(input);
    const found: Partial<Record<Field, true>> = {};
    for (const issue of parsed.error?.issues ?? []) found[issue.path[0] as Field] = true;
    setProblems(found);
    if (!parsed.success) return;
    const done = await run(() => createAccountApi(window.location.origin).resetPassword(input), {
      unauthorized: t('account.reset.wrong'),
    });
    if (done) onReset(login, password);
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{t('account.reset.title')}</h2>
      <p>{t('account.reset.why')}</p>
      <TextField
        label={t('account.login')}
        value={login}
        autoComplete="username"
        error={problems.login ? t('account.problems.login') : undefined}
        onChange={setLogin}
      />
      <TextField
        label={t('account.reset.code')}
        value={code}
        autoComplete="one-time-code"
        error={problems.code ? t('account.reset.badCode') : undefined}
        onChange={setCode}
      />
      <TextField
        label={t('account.reset.newPassword')}
        type="password"
        value={password}
        autoComplete="new-password"
        error={problems.password ? t('account.problems.newPassword') : undefined}
        onChange={setPassword}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('account.reset.submit')}
      </Button>
      <Button variant="quiet" className="button-wide" onClick={onBack}>
        {t('account.reset.back')}
      </Button>
    </form>
  );
}
