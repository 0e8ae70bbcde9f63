import { database } from './db';
import { guardStorage } from './errors';
import type { CredentialsRow } from './rows';

export async function getCredentials(profileId: string): Promise<CredentialsRow | undefined> {
  return database().credentials.get(profileId);
}

export async function allCredentials(): Promise<CredentialsRow[]> {
  return database().credentials.toArray();
}

/** Links a profile to an account on this device; an unnamed profile takes the account's name. */
export async function saveCredentials(
  profileId: string,
  session: {
    account: { id: string; displayName: string };
    accessToken: string;
    refreshToken: string;
  },
): Promise<void> {
  const db = database();
  await guardStorage(() =>
    db.transaction('rw', db.credentials, db.profiles, async () => {
      await db.credentials.put({
        profileId,
        accountId: session.account.id,
        displayName: session.account.displayName,
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
        pullCursor: 0,
      });
      const profile = await db.profiles.get(profileId);
      if (profile && !profile.name)
        await db.profiles.update(profileId, { name: session.account.displayName });
    }),
  );
}

export async function updateTokens(
  profileId: string,
  tokens: { accessToken: string; refreshToken: string },
): Promise<void> {
  await database().credentials.update(profileId, tokens);
}

/** Signs the profile out on this device: what it learned stays, syncing anonymously again. */
export async function deleteCredentials(profileId: string): Promise<void> {
  await database().credentials.delete(profileId);
}
