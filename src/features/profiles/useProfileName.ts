import { useTranslation } from '../../i18n';
import type { ProfileRow } from '../../data/rows';

/** How a profile is named on screen: its name, "Tôi" for the first unnamed one, or "Khách". */
export function useProfileName(): (profile: ProfileRow | null | undefined) => string {
  const { t } = useTranslation();
  return (profile) => {
    if (!profile) return '';
    if (profile.guest) return t('profiles.guest');
    return profile.name || t('profiles.me');
  };
}
