import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n';
import { createOrgApi } from '../../sync/orgApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { CommunePicker } from './CommunePicker';
import { rosterPath } from './kinds';
import { useOrgAction } from './useOrgAction';

const KINDS_ANYONE_STARTS = ['team', 'class'] as const;
type StartableKind = (typeof KINDS_ANYONE_STARTS)[number];
const MAX_NAME = 120;

interface Problems {
  name?: string;
  commune?: string;
}

/**
 * A leader starts a team, a teacher a class: a name and the commune picked by name from the
 * official list. Every problem shows at once, beside its field; then its roster opens.
 */
export function CreateOrgForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<StartableKind>('team');
  const [name, setName] = useState('');
  const [commune, setCommune] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const { run, error, busy } = useOrgAction();

  const submit = async () => {
    const found: Problems = {};
    const trimmed = name.trim();
    if (!trimmed) found.name = t('orgs.create.nameMissing');
    else if (trimmed.length > MAX_NAME) found.name = t('orgs.create.nameLong');
    if (!commune) found.commune = t('orgs.create.communeMissing');
    setProblems(found);
    if (found.name || found.commune) return;
    const created = await run((token) =>
      createOrgApi(window.location.origin).create(token, {
        kind,
        name: trimmed,
        communeCode: commune,
      }),
    );
    if (!created) return;
    // A new organisation has nobody yet: its roster, where the join codes are made, comes first.
    navigate(rosterPath(created.id));
  };

  return (
    <form
      className="settings-group form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{t('orgs.create.title')}</h2>
      <fieldset className="settings-group">
        <legend>{t('orgs.create.kind')}</legend>
        {KINDS_ANYONE_STARTS.map((k) => (
          <label key={k} className="switch-row">
            <input type="radio" name="org-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{t(`orgs.kinds.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('orgs.create.name')}
        value={name}
        placeholder={t('orgs.create.namePlaceholder')}
        error={problems.name}
        onChange={setName}
      />
      <CommunePicker value={commune} onChange={setCommune} error={problems.commune} />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('orgs.create.submit')}
      </Button>
    </form>
  );
}
