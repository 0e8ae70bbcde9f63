import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { createAdminApi } from '../../sync/adminApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { CommunePicker } from '../orgs/CommunePicker';
import { useOrgAction } from '../orgs/useOrgAction';

/** Gives a commune to an official: found by their login, the commune from the official list. */
export function NameOfficialForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [commune, setCommune] = useState('');
  const [problems, setProblems] = useState<{ login?: true; commune?: true }>({});
  const [named, setNamed] = useState<string | null>(null);
  const { run, error, busy } = useOrgAction();

  const submit = async () => {
    setNamed(null);
    const found: typeof problems = {};
    if (login.trim().length < 3) found.login = true;
    if (!commune) found.commune = true;
    setProblems(found);
    if (found.login || found.commune) return;
    const api = createAdminApi(window.location.origin);
    const official = await run(
      async (token) => {
        const account = await api.findAccount(token, login.trim());
        await api.nameOfficial(token, account.id, commune);
        return account;
      },
      { not_found: t('admin.official.notFound') },
    );
    if (!official) return;
    onDone?.();
    setNamed(official.displayName);
    setLogin('');
  };

  return (
    <form
      className="settings-group form"
      aria-labelledby="official-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="official-heading">{t('admin.official.title')}</h2>
      <p>{t('admin.official.intro')}</p>
      <TextField
        label={t('admin.official.login')}
        value={login}
        autoComplete="off"
        error={problems.login ? t('admin.official.loginProblem') : undefined}
        onChange={setLogin}
      />
      <CommunePicker
        value={commune}
        onChange={setCommune}
        error={problems.commune ? t('admin.official.communeProblem') : undefined}
      />
      {error && <Notice tone="error">{error}</Notice>}
      {named && <Notice tone="success">{t('admin.official.done', { name: named })}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('admin.official.submit')}
      </Button>
    </form>
  );
}
