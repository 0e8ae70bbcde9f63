import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { nameProvinceAdmin } from '../../api/complianceRollups';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { loadProvinces } from '../orgs/communes';
import { useOrgAction } from '../orgs/useOrgAction';

/**
 * Gives a province to an admin, found by their login: they then read the compliance roll-up of
 * every agency in it (figures only).
 */
export function NameProvinceAdminForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [province, setProvince] = useState('');
  const [provinces, setProvinces] = useState<{ code: string; name: string }[]>([]);
  const [problems, setProblems] = useState<{ login?: true; province?: true }>({});
  const [named, setNamed] = useState<{ name: string; province: string } | null>(null);
  const { run, error, busy } = useOrgAction();

  useEffect(() => {
    let live = true;
    void loadProvinces().then((list) => live && setProvinces(list));
    return () => {
      live = false;
    };
  }, []);

  const submit = async () => {
    setNamed(null);
    const found: typeof problems = {};
    if (login.trim().length < 3) found.login = true;
    if (!province) found.province = true;
    setProblems(found);
    if (found.login || found.province) return;
    const admin = await run((token) => nameProvinceAdmin(token, login.trim(), province), {
      not_found: t('admin.province.notFound'),
    });
    if (!admin) return;
    onDone?.();
    setNamed({
      name: admin.displayName,
      province: provinces.find((p) => p.code === province)?.name ?? province,
    });
    setLogin('');
  };

  return (
    <form
      className="settings-group form"
      aria-labelledby="province-admin-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="province-admin-heading">{t('admin.province.title')}</h2>
      <p>{t('admin.province.intro')}</p>
      <TextField
        label={t('admin.province.login')}
        value={login}
        autoComplete="off"
        error={problems.login ? t('admin.province.loginProblem') : undefined}
        onChange={setLogin}
      />
      <SelectField
        label={t('admin.province.province')}
        value={province}
        options={[
          { value: '', label: t('admin.province.choose') },
          ...provinces.map((p) => ({ value: p.code, label: p.name })),
        ]}
        onChange={setProvince}
      />
      {problems.province && <Notice tone="error">{t('admin.province.provinceProblem')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {named && <Notice tone="success">{t('admin.province.done', named)}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('admin.province.submit')}
      </Button>
    </form>
  );
}
