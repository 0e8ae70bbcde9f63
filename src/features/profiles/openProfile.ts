import { getDefaultProfileId } from '../../data/meta';
import { deleteProfile, getProfile, profileSettings } from '../../data/profiles';
import { database } from '../../data/db';
import { changeLanguage } from '../../i18n';
import { setSession, useSession } from '../../state/session';

/** The profile open in this tab, so a reload (e.g. to update the app) keeps the person in. */
const OPEN_PROFILE_KEY = 'hoc-so.openProfile';

function rememberOpen(profileId: string | null): void {
  try {
    if (profileId) sessionStorage.setItem(OPEN_PROFILE_KEY, profileId);
    else sessionStorage.removeItem(OPEN_PROFILE_KEY);
  } catch {
    // Storage unavailable: the picker simply shows after a reload.
  }
}

function openInThisTab(): string | null {
  try {
    return sessionStorage.getItem(OPEN_PROFILE_KEY);
  } catch {
    return null;
  }
}

/**
 * Opens a profile: leaving a guest deletes the guest's data, the profile's language is
 * applied, and from then on every screen shows this profile's data only.
 */
export async function openProfile(profileId: string): Promise<void> {
  const previous = useSession.getState().profileId;
  if (previous && previous !== profileId && (await getProfile(previous))?.guest) {
    await deleteProfile(previous);
  }
  await changeLanguage(profileSettings(await getProfile(profileId)).language);
  rememberOpen(profileId);
  setSession({ profileId });
}

/** Back to "Who is learning?": nobody's data stays on screen. */
export function closeProfile(): void {
  rememberOpen(null);
  setSession({ profileId: '' });
}

/**
 * The profile to open at start. After a reload in the same tab, the one that was open. On a
 * fresh start: on a phone with one unlocked profile, that one; with several, or a PIN, nobody
 * until the person picks theirs. A guest left over from a closed app is deleted. On a phone
 * with no profile yet, nobody when the app opens at its home (`welcomeFirst`), so the welcome
 * asks who is learning; opened at any other address (a shared link to a course), a profile is
 * made at once, so the link opens as it did before the welcome existed.
 */
export async function startProfileId({ welcomeFirst }: { welcomeFirst: boolean }): Promise<string> {
  const profiles = await database().profiles.toArray();
  const reopened = profiles.find((p) => p.id === openInThisTab());
  if (reopened) return reopened.id;
  for (const guest of profiles.filter((p) => p.guest)) await deleteProfile(guest.id);
  const kept = profiles.filter((p) => !p.guest);
  if (kept.length === 0) return welcomeFirst ? '' : getDefaultProfileId();
  const only = kept.length === 1 ? kept[0] : undefined;
  return only && !only.pin ? only.id : '';
}
