import {
  checkVerifier,
  deriveKey,
  makeVerifier,
  newSalt,
  open,
  VAULT_ITERATIONS,
} from '../lib/vault';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { TeamMembershipsRow, TeamVaultRow } from './rows';

export async function getTeamVault(accountId: string): Promise<TeamVaultRow | undefined> {
  return database().teamVaults.get(accountId);
}

/** Sets the passphrase the first time: a random salt and a verifier are stored, never the key. */
export async function createTeamVault(
  accountId: string,
  passphrase: string,
  iterations = VAULT_ITERATIONS,
): Promise<CryptoKey> {
  const salt = newSalt();
  const key = await deriveKey(passphrase, salt, iterations);
  const verifier = await makeVerifier(key);
  await guardStorage(() => database().teamVaults.add({ accountId, salt, iterations, verifier }));
  return key;
}

/** The key for this account's log, or WrongPassphraseError: a wrong passphrase opens nothing. */
export async function unlockTeamVault(accountId: string, passphrase: string): Promise<CryptoKey> {
  const vault = await getTeamVault(accountId);
  if (!vault) throw new Error('No team vault on this device');
  const key = await deriveKey(passphrase, vault.salt, vault.iterations);
  await checkVerifier(key, vault.verifier);
  return key;
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
