import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useProfile } from '../../data/hooks';
import { READING_RATES } from '../../domain/settings';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { MyOrganisations } from '../orgs/MyOrganisations';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { Avatar } from '../profiles/avatars';
import { closeProfile } from '../profiles/openProfile';
import { useProfileName } from '../profiles/useProfileName';
import { CERTIFICATES_PATH } from '../certificates/paths';
import { DeleteProfile } from './DeleteProfile';
import { PinSettings } from './PinSettings';
import { LearnerQr } from './LearnerQr';
import { useSettings } from './useSettings';

const RATE_NAMES = ['slow', 'normal', 'fast'] as const;

/** `children`: more sections the app puts in (the lessons on this phone). */
export function SettingsScreen({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profileId = useSession((s) => s.profileId);
  const profile = useProfile(profileId);
  const nameOf = useProfileName();
  const [settings, update] = useSettings();
  if (!profile) return <LoadingScreen />;

  const toggles = [
    ['largeText', t('settings.largeText')],
    ['highContrast', t('settings.highContrast')],
    ['reduceMotion', t('settings.reduceMotion')],
  ] as const;

  return (
    <main className="screen">
      <h1>{t('settings.title')}</h1>
      <section className="profile-summary" aria-label={t('settings.profile')}>
        <Avatar avatar={profile.avatar} label="" size={56} />
        <span className="profile-name">{nameOf(profile)}</span>
        <Button
          variant="secondary"
          onClick={() => {
            closeProfile();
            void navigate('/profiles');
          }}
        >
          {t('profiles.switch')}
        </Button>
      </section>

      <ButtonLink to={CERTIFICATES_PATH} variant="secondary" className="button-wide">
        {t('certificates.open')}
      </ButtonLink>
      {/* Inputs change at once on tap; the saved settings remount them if changed elsewhere. */}
      {!profile.guest && (
        <ButtonLink to="/account" variant="secondary" className="button-wide">
          {t('account.open')}
        </ButtonLink>
      )}
      {!profile.guest && <MyOrganisations />}
      <div key={JSON.stringify(settings)}>
        <fieldset className="settings-group">
          <legend>{t('settings.display')}</legend>
          {toggles.map(([key, label]) => (
            <label key={key} className="switch-row">
              <input
                type="checkbox"
                defaultChecked={settings[key]}
                onChange={(event) => void update({ [key]: event.target.checked })}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.language')}</legend>
          {(['vi', 'en'] as const).map((language) => (
            <label key={language} className="switch-row" lang={language}>
              <input
                type="radio"
                name="language"
                defaultChecked={settings.language === language}
                onChange={() => void update({ language })}
              />
              <span>{language === 'vi' ? 'Tiếng Việt' : 'English'}</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="settings-group">
          <legend>{t('settings.readingRate')}</legend>
          {READING_RATES.map((rate, i) => (
            <label key={rate} className="switch-row">
              <input
                type="radio"
                name="rate"
                defaultChecked={settings.readingRate === rate}
                onChange={() => void update({ readingRate: rate })}
              />
              <span>{t(`settings.rates.${RATE_NAMES[i]!}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>

      {!profile.guest && <LearnerQr profile={profile} />}
      {children}
      {!profile.guest && <PinSettings profile={profile} />}
      <DeleteProfile profile={profile} />
    </main>
  );
}
