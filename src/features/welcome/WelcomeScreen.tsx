import { useState } from 'react';
import { useNavigate } from 'react-router';
import { getDefaultProfileId } from '../../data/meta';
import { createProfile } from '../../data/profiles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { useLanguage, useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { AvatarChoice } from '../profiles/AvatarChoice';
import { AVATARS } from '../profiles/avatars';
import { openProfile } from '../profiles/openProfile';
import { CHECK_PATH } from './paths';
import './welcome.css';

/**
 * The first screen on a phone with nobody on it yet: what Học Số is and who is learning (a
 * name, which may stay empty, and a picture). Continuing makes the profile and goes on to what
 * they want to do and the five-question check; skipping makes an unnamed profile and opens home.
 */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [avatar, setAvatar] = useState<string>(AVATARS[1]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const begin = async (make: () => Promise<string>, then: string) => {
    setBusy(true);
    try {
      const id = await make();
      void navigate(then, { replace: true });
      await openProfile(id);
    } catch (failure) {
      console.error('Could not make a profile', failure);
      setError(t('app.errors.unexpected'));
      setBusy(false);
    }
  };

  return (
    <main className="screen welcome">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <form
        className="form"
        aria-labelledby="welcome-who"
        onSubmit={(event) => {
          event.preventDefault();
          void begin(
            () => createProfile({ name, avatar, settings: { ...DEFAULT_SETTINGS, language } }),
            CHECK_PATH,
          );
        }}
      >
        <h2 id="welcome-who">{t('welcome.who')}</h2>
        <TextField
          id="welcome-name"
          label={t('profiles.create.name')}
          hint={t('welcome.nameHint')}
          value={name}
          maxLength={40}
          autoComplete="off"
          onChange={setName}
        />
        <AvatarChoice value={avatar} onChange={setAvatar} />
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" className="button-wide" disabled={busy}>
          {t('welcome.next')}
        </Button>
      </form>
      <Button
        variant="quiet"
        className="button-wide"
        disabled={busy}
        onClick={() => void begin(getDefaultProfileId, '/')}
      >
        {t('welcome.skip')}
      </Button>
    </main>
  );
}
