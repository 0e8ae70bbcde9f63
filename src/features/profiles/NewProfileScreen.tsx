import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { openProfile } from './openProfile';
import { useNewProfile } from './useNewProfile';

/** Adds a learner: a name and a picture; a PIN can be set later in settings. */
export function NewProfileScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useNewProfile({ fieldId: 'profile-name', hint: t('profiles.create.nameHint') });
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!profile.name.trim()) {
      setError(t('profiles.create.nameRequired'));
      return;
    }
    const id = await profile.create();
    await openProfile(id);
    void navigate('/');
  };

  return (
    <main className="screen">
      <h1>{t('profiles.create.title')}</h1>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {profile.fields}
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" className="button-wide">
          {t('profiles.create.save')}
        </Button>
        <Button variant="quiet" className="button-wide" onClick={() => void navigate(-1)}>
          {t('profiles.create.cancel')}
        </Button>
      </form>
    </main>
  );
}
