import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useProfiles } from '../../data/hooks';
import { checkPin, createProfile } from '../../data/profiles';
import type { ProfileRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import { Avatar } from './avatars';
import { ForgotPin } from './ForgotPin';
import { openProfile } from './openProfile';
import { PinPad } from './PinPad';
import { useProfileName } from './useProfileName';
import './ProfilePicker.css';

/** "Who is learning?": pictures and names, a PIN pad for locked profiles, add and guest. */
export function ProfilePicker() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profiles = useProfiles();
  const nameOf = useProfileName();
  const [locked, setLocked] = useState<ProfileRow | null>(null);

  const open = async (profile: ProfileRow) => {
    if (profile.pin) {
      setLocked(profile);
      return;
    }
    await openProfile(profile.id);
    void navigate('/');
  };

  const tryPin = async (pin: string): Promise<string | null> => {
    if (!locked) return null;
    const result = await checkPin(locked.id, pin);
    if (result.ok) {
      await openProfile(locked.id);
      void navigate('/');
      return null;
    }
    return result.waitMs > 0
      ? t('profiles.pin.wait', { seconds: Math.ceil(result.waitMs / 1000) })
      : t('profiles.pin.wrong');
  };

  const startGuest = async () => {
    const id = await createProfile({ name: '', avatar: 'star', guest: true });
    await openProfile(id);
    void navigate('/');
  };

  if (locked) {
    return (
      <main className="screen">
        <PinPad
          title={t('profiles.pin.enterTitle', { name: nameOf(locked) })}
          onComplete={tryPin}
          onCancel={() => setLocked(null)}
        />
        <ForgotPin
          profile={locked}
          onUnlocked={() => void openProfile(locked.id).then(() => navigate('/'))}
        />
      </main>
    );
  }

  return (
    <main className="screen">
      <h1>{t('profiles.whoIsLearning')}</h1>
      <p className="muted">{t('profiles.pickHint')}</p>
      <ul className="profile-grid">
        {profiles
          ?.filter((profile) => !profile.guest)
          .map((profile) => (
            <li key={profile.id}>
              <button type="button" className="profile-tile" onClick={() => void open(profile)}>
                <Avatar avatar={profile.avatar} label="" size={72} />
                <span className="profile-name">{nameOf(profile)}</span>
                {profile.pin && <span className="muted profile-lock">{t('profiles.locked')}</span>}
              </button>
            </li>
          ))}
        <li>
          <button
            type="button"
            className="profile-tile"
            onClick={() => void navigate('/profiles/new')}
          >
            <span className="profile-add" aria-hidden="true">
              {'+'}
            </span>
            <span className="profile-name">{t('profiles.add')}</span>
          </button>
        </li>
        <li>
          <button type="button" className="profile-tile" onClick={() => void startGuest()}>
            <Avatar avatar="star" label="" size={72} />
            <span className="profile-name">{t('profiles.guest')}</span>
            <span className="muted profile-lock">{t('profiles.guestHint')}</span>
          </button>
        </li>
      </ul>
    </main>
  );
}
