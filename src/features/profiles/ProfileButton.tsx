import { Link } from 'react-router';
import { useProfile } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Avatar } from './avatars';
import { useProfileName } from './useProfileName';
import './ProfileButton.css';

/**
 * The way to settings, in the top bar: the profile's picture and the word "Cài đặt", so nobody
 * has to guess what a picture alone does. The name shows beside it where there is room.
 */
export function ProfileButton() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const profile = useProfile(profileId);
  const nameOf = useProfileName();
  if (!profile) return null;
  return (
    <Link
      to="/settings"
      className="profile-button"
      aria-label={`${t('settings.open')} — ${nameOf(profile)}`}
    >
      <Avatar avatar={profile.avatar} label="" size={32} />
      <span className="profile-button-label">{t('settings.open')}</span>
      <span className="profile-button-name">{nameOf(profile)}</span>
    </Link>
  );
}
