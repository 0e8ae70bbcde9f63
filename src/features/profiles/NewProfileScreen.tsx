import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createProfile } from '../../data/profiles';
import { useLanguage, useTranslation } from '../../i18n';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { AvatarChoice } from './AvatarChoice';
import { AVATARS } from './avatars';
import { openProfile } from './openProfile';

/** Adds a learner: a name and a picture; a PIN can be set later in settings. */
export function NewProfileScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [avatar, setAvatar] = useState<string>(AVATARS[1]);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!name.trim()) {
      setError(t('profiles.create.nameRequired'));
      return;
    }
    const id = await createProfile({ name, avatar, settings: { ...DEFAULT_SETTINGS, language } });
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
        <TextField
          id="profile-name"
          label={t('profiles.create.name')}
          hint={t('profiles.create.nameHint')}
          value={name}
          maxLength={40}
          autoComplete="off"
          onChange={setName}
        />
        <AvatarChoice value={avatar} onChange={setAvatar} />
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
