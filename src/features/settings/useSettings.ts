import { useCallback, useEffect } from 'react';
import { useProfile } from '../../data/hooks';
import { profileSettings, updateSettings } from '../../data/profiles';
import type { Settings } from '../../domain/settings';
import { changeLanguage } from '../../i18n';
import { useSession } from '../../state/session';

/** The open profile's settings and a way to change them (saved on the profile). */
export function useSettings(): [Settings, (patch: Partial<Settings>) => Promise<void>] {
  const profileId = useSession((s) => s.profileId);
  const profile = useProfile(profileId);
  const settings = profileSettings(profile ?? undefined);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      if (!profileId) return;
      await updateSettings(profileId, patch);
      if (patch.language) await changeLanguage(patch.language);
    },
    [profileId],
  );
  return [settings, update];
}

/** Puts the open profile's display settings on <html>, where the style sheet reads them. */
export function useApplySettings(): void {
  const [settings] = useSettings();
  useEffect(() => {
    const root = document.documentElement.dataset;
    root.text = settings.largeText ? 'large' : 'normal';
    root.contrast = settings.highContrast ? 'high' : 'normal';
    root.motion = settings.reduceMotion ? 'reduce' : 'normal';
  }, [settings.largeText, settings.highContrast, settings.reduceMotion]);
}
