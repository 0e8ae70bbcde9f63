import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { loadCommunes, searchCommunes, type Commune } from './communes';
import './CommunePicker.css';

/** The commune from the official list, searched offline; remembered from the last visit. */
export function CommunePicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  /** What is wrong (nothing chosen), shown beside the search field. */
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [communes, setCommunes] = useState<Commune[] | null>(null);
  const [query, setQuery] = useState('');
  const [picking, setPicking] = useState(!value);

  useEffect(() => {
    let live = true;
    void loadCommunes().then((list) => live && setCommunes(list));
    return () => {
      live = false;
    };
  }, []);

  const current = communes?.find((c) => c.code === value);
  if (!picking && value) {
    return (
      <div className="field">
        <span className="field-label">{t('team.form.commune')}</span>
        <div className="commune-chosen">
          <span>{current ? `${current.name}, ${current.province}` : value}</span>
          <Button variant="quiet" onClick={() => setPicking(true)}>
            {t('team.form.communeChange')}
          </Button>
        </div>
      </div>
    );
  }
  const results = communes ? searchCommunes(communes, query) : [];
  return (
    <div className="field commune-picker">
      <TextField
        label={`${t('team.form.commune')} — ${t('team.form.communeSearch')}`}
        value={query}
        type="search"
        autoComplete="off"
        error={error}
        onChange={setQuery}
      />
      {!communes && <p className="muted">{t('team.form.communeLoading')}</p>}
      {communes && query.trim() && results.length === 0 && (
        <p className="muted">{t('team.form.communeNone')}</p>
      )}
      <ul className="commune-results">
        {results.map((commune) => (
          <li key={commune.code}>
            <button
              type="button"
              className="commune-option"
              onClick={() => {
                onChange(commune.code);
                setPicking(false);
                setQuery('');
              }}
            >
              {commune.name}
              <span className="muted">{` · ${commune.province}`}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
