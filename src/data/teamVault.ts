import { vietnamDay } from '../domain/vietnamTime';
import {
  checkVerifier,
  deriveKeyBytes,
  fromBase64,
  importVaultKey,
  makeVerifier,
  newDeviceKey,
  newSalt,
  open,
  seal,
  toBase64,
  VAULT_ITERATIONS,
} from '../lib/vault';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { TeamMembershipsRow, TeamVaultRow, VaultDay } from './rows';

const DAY_MS = 24 * 60 * 60_000;

export async function getTeamVault(accountId: string): Promise<TeamVaultRow | undefined> {
  return database().teamVaults.get(accountId);
}

/** The first instant of the next day in Vietnam (UTC+7, no daylight saving). */
export function endOfVietnamDay(now: number): string {
  return new Date(Date.parse(`${vietnamDay(new Date(now))}T00:00:00+07:00`) + DAY_MS).toISOString();
}

/**
 * Seals the log key's bytes under a fresh device key that can never be exported, until the end
 * of the day: the log then reopens on this phone with the profile's PIN, not the account's password.
 */
async function dayUnlock(bytes: Uint8Array<ArrayBuffer>, now: number): Promise<VaultDay> {
  const deviceKey = await newDeviceKey();
  return {
    deviceKey,
    sealedKey: await seal(deviceKey, toBase64(bytes)),
    until: endOfVietnamDay(now),
  };
}

/**
 * Makes the log the first time, under the account's password: a random salt and a verifier are
 * stored, never the key; the key's bytes are kept only sealed by the day's device key.
 */
export async function createTeamVault(
  accountId: string,
  password: string,
  iterations = VAULT_ITERATIONS,
  now = Date.now(),
): Promise<CryptoKey> {
  const salt = newSalt();
  const bytes = await deriveKeyBytes(password, salt, iterations);
  const key = await importVaultKey(bytes);
  const verifier = await makeVerifier(key);
  const day = await dayUnlock(bytes, now);
  bytes.fill(0);
  await guardStorage(() =>
    database().teamVaults.add({ accountId, salt, iterations, verifier, day }),
  );
  return key;
}

/**
 * The key for this account's log from the account's password (or, for a log made before, its own
 * passphrase), or WrongPassphraseError: a wrong one opens nothing. Opens the day too.
 */
export async function unlockTeamVault(
  accountId: string,
  password: string,
  now = Date.now(),
): Promise<CryptoKey> {
  const vault = await getTeamVault(accountId);
  if (!vault) throw new Error('No team vault on this device');
  const bytes = await deriveKeyBytes(password, vault.salt, vault.iterations);
  const key = await importVaultKey(bytes);
  await checkVerifier(key, vault.verifier);
  const day = await dayUnlock(bytes, now);
  bytes.fill(0);
  await guardStorage(() => database().teamVaults.update(accountId, { day }));
  return key;
}

/** True while today's unlock is there to reopen with the profile's PIN. */
export function dayIsOpen(vault: TeamVaultRow | null | undefined, now = Date.now()): boolean {
  return !!vault?.day && Date.parse(vault.day.until) > now;
}

/**
 * Reopens the log with today's unlock (the caller has checked the profile's PIN); null once the
 * day is over, and the day's sealed key is then deleted.
 */
export async function reopenTeamVault(
  accountId: string,
  now = Date.now(),
): Promise<CryptoKey | null> {
  const vault = await getTeamVault(accountId);
  if (!vault?.day) return null;
  if (!dayIsOpen(vault, now)) {
    await endTeamVaultDay(accountId);
    return null;
  }
  const bytes = fromBase64(await open<string>(vault.day.deviceKey, vault.day.sealedKey));
  const key = await importVaultKey(bytes);
  bytes.fill(0);
  await checkVerifier(key, vault.verifier);
  return key;
}

/** Forgets today's unlock: the account's password is needed again. */
export async function endTeamVaultDay(accountId: string): Promise<void> {
  await database()
    .teamVaults.where('accountId')
    .equals(accountId)
    .modify((row) => {
      delete row.day;
    });
}

/** The commune and village of the last finalized visit, to pre-fill the next one. */
export async function lastPlace(
  key: CryptoKey,
  accountId: string,
): Promise<{ communeCode: string; village: string }> {
  const vault = await getTeamVault(accountId);
  return {
    communeCode: vault?.lastCommuneCode ?? '',
    village: vault?.lastVillage ? await open<string>(key, vault.lastVillage) : '',
  };
}

export async function saveTeamMemberships(row: TeamMembershipsRow): Promise<void> {
  await database().teamMemberships.put(row);
}

export async function markSent(
  accountId: string,
  at = new Date().toISOString(),
  db: HocSoDatabase = database(),
): Promise<void> {
  await db.teamVaults.update(accountId, { lastSentAt: at });
}
