import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { createOrganisationSchema } from '../../protocol';
import { createOrgApi } from '../../sync/orgApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { CommunePicker } from '../orgs/CommunePicker';
import { useOrgAction } from '../orgs/useOrgAction';

/** An agency: its name and the commune of its seat, from the official list. */
export function CreateAgencyForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [commune, setCommune] = useState('');
  const [problems, setProblems] = useState<{ name?: true; communeCode?: true }>({});
  const [created, setCreated] = useState<string | null>(null);
  const { run, error, busy } = useOrgAction();

  const submit = async () => {
    setCreated(null);
    const input = { kind: 'agency' as const, name: name.trim(), communeCode: commune };
    const parsed = createOrganisationSchema.safeParse(input);
    const found: typeof problems = {};
    for (const issue of parsed.error?.issues ?? []) {
      if (issue.path[0] === 'name' || issue.path[0] === 'communeCode') found[issue.path[0]] = true;
    }
    setProblems(found);
    if (!parsed.success) return;
    const done = await run((token) => createOrgApi(window.location.origin).create(token, input));
    if (!done) return;
    onDone?.();
    setCreated(input.name);
    setName('');
  };

  return (
    <form
      className="settings-group form"
      aria-labelledby="agency-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="agency-heading">{t('admin.agency.title')}</h2>
      <TextField
        label={t('admin.agency.name')}
        value={name}
        error={problems.name ? t('admin.agency.nameProblem') : undefined}
        onChange={setName}
      />
      <CommunePicker
        value={commune}
        onChange={setCommune}
        error={problems.communeCode ? t('admin.agency.communeProblem') : undefined}
      />
      {error && <Notice tone="error">{error}</Notice>}
      {created && <Notice tone="success">{t('admin.agency.created', { name: created })}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('admin.agency.submit')}
      </Button>
    </form>
  );
}
