import { useState } from 'react';
import { useNavigate } from 'react-router';
import { getDefaultProfileId } from '../../data/meta';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { openProfile } from '../profiles/openProfile';
import { useNewProfile } from '../profiles/useNewProfile';
import { CHECK_PATH, PASSPORT_ARRIVAL_PATH } from './paths';
import './welcome.css';

/**
 * The first screen on a phone with nobody on it yet: what Học Số is and who is learning (a
 * name, which may stay empty, and a picture). Continuing makes the profile and goes on to what
 * they want to do and the five-question check; skipping makes an unnamed profile and opens home.
 */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useNewProfile({ fieldId: 'welcome-name', hint: t('welcome.nameHint') });
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
          void begin(profile.create, CHECK_PATH);
        }}
      >
        <h2 id="welcome-who">{t('welcome.who')}</h2>
        {profile.fields}
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
      <ButtonLink to={PASSPORT_ARRIVAL_PATH} variant="secondary" className="button-wide">
        {t('welcome.passport')}
      </ButtonLink>
    </main>
  );
}
