import type { FirstPathAnswer } from '../domain/firstPath';
import { pinWaitMs } from '../domain/pinLockout';
import { readSettings, type Settings } from '../domain/settings';
import { newRandomId } from '../lib/ids';
import { hashPin, pinMatches } from '../lib/pin';
import { wipeClassData } from './attendance';
import { database } from './db';
import { guardStorage } from './errors';
import type { ProfileRow } from './rows';

export async function createProfile(input: {
  name: string;
  avatar: string;
  guest?: boolean;
  settings?: Settings;
}): Promise<string> {
  const id = newRandomId();
  await guardStorage(() =>
    database().profiles.add({
      id,
      name: input.name.trim(),
      avatar: input.avatar,
      createdAt: new Date().toISOString(),
      ...(input.guest ? { guest: true } : {}),
      ...(input.settings ? { settings: input.settings } : {}),
    }),
  );
  return id;
}

export async function getProfile(id: string): Promise<ProfileRow | undefined> {
  return database().profiles.get(id);
}

export function profileSettings(profile: ProfileRow | undefined): Settings {
  return readSettings(profile?.settings);
}

/** Changes some settings, reading the saved ones in the same transaction so none is lost. */
export async function updateSettings(id: string, patch: Partial<Settings>): Promise<void> {
  const db = database();
  await guardStorage(() =>
    db.transaction('rw', db.profiles, async () => {
      const profile = await db.profiles.get(id);
      if (profile)
        await db.profiles.update(id, { settings: { ...readSettings(profile.settings), ...patch } });
    }),
  );
}

/** Keeps what the profile answered on its first path (replacing an earlier answer). */
export async function saveFirstPath(id: string, answer: FirstPathAnswer): Promise<void> {
  await guardStorage(() => database().profiles.update(id, { firstPath: answer }));
}

/** Sets a 4-digit PIN (stored only as a slow salted hash), or removes it with null. */
export async function setPin(id: string, pin: string | null): Promise<void> {
  const db = database();
  if (pin === null) {
    await db.profiles
      .where('id')
      .equals(id)
      .modify((profile) => {
        delete profile.pin;
        delete profile.failedPinAttempts;
        delete profile.pinLockedUntil;
      });
    return;
  }
  const record = await hashPin(pin);
  await guardStorage(() => db.profiles.update(id, { pin: record, failedPinAttempts: 0 }));
}

export type PinCheck = { ok: true } | { ok: false; waitMs: number };

/**
 * Checks a PIN. Wrong answers are counted on the profile itself, so closing the app does not
 * reset them; after a few, the person must wait longer each time before trying again.
 */
export async function checkPin(id: string, pin: string, now = Date.now()): Promise<PinCheck> {
  const db = database();
  const profile = await db.profiles.get(id);
  if (!profile?.pin) return { ok: true };
  const lockedFor = profile.pinLockedUntil ? Date.parse(profile.pinLockedUntil) - now : 0;
  if (lockedFor > 0) return { ok: false, waitMs: lockedFor };
  if (await pinMatches(pin, profile.pin)) {
    await db.profiles.update(id, { failedPinAttempts: 0, pinLockedUntil: undefined });
    return { ok: true };
  }
  const failures = (profile.failedPinAttempts ?? 0) + 1;
  const waitMs = pinWaitMs(failures);
  await db.profiles.update(id, {
    failedPinAttempts: failures,
    pinLockedUntil: waitMs > 0 ? new Date(now + waitMs).toISOString() : undefined,
  });
  return { ok: false, waitMs };
}

/** The outbox keys of learning events. */
const eventKeys = (ids: string[]) => ids.map((id) => ['learning-event', id]);

/** Events of this profile that have not reached the server yet: lost if it is deleted. */
export async function unsyncedCount(profileId: string): Promise<number> {
  const db = database();
  const ids = await db.events.where('profileId').equals(profileId).primaryKeys();
  return db.outbox.where('[kind+recordId]').anyOf(eventKeys(ids)).count();
}

/** Removes a profile and everything of it from this device, in one transaction. */
export async function deleteProfile(profileId: string): Promise<void> {
  const db = database();
  await db.transaction(
    'rw',
    [
      db.profiles,
      db.events,
      db.courseProgress,
      db.walkthroughProgress,
      db.checklists,
      db.certificates,
      db.credentials,
      db.outbox,
      db.resume,
      db.meta,
      db.classRosters,
      db.classSessions,
      db.attendanceMarks,
      db.passports,
    ],
    async () => {
      await wipeClassData(profileId, db);
      const eventIds = await db.events.where('profileId').equals(profileId).primaryKeys();
      await db.outbox.where('[kind+recordId]').anyOf(eventKeys(eventIds)).delete();
      await db.events.bulkDelete(eventIds);
      await db.courseProgress.where('profileId').equals(profileId).delete();
      await db.resume.where('profileId').equals(profileId).delete();
      await db.walkthroughProgress.where('profileId').equals(profileId).delete();
      await db.checklists.where('profileId').equals(profileId).delete();
      await db.certificates.where('profileId').equals(profileId).delete();
      await db.passports.where('profileId').equals(profileId).delete();
      await db.credentials.delete(profileId);
      await db.profiles.delete(profileId);
      const defaultProfile = await db.meta.get('defaultProfileId');
      if (defaultProfile?.value === profileId) await db.meta.delete('defaultProfileId');
    },
  );
}
