import { create } from 'zustand';

/** Locks after this long without a touch, and after this long hidden. */
export const IDLE_LOCK_MS = 5 * 60_000;
export const HIDDEN_LOCK_MS = 60_000;

/**
 * The unlocked team-log key: in memory only (a non-extractable CryptoKey), never in storage.
 * Locking drops it; everything sealed on the device then stays unreadable until unlocked again.
 */
interface TeamVaultState {
  key: CryptoKey | null;
  accountId: string | null;
  lastActiveAt: number;
}

export const useTeamVault = create<TeamVaultState>(() => ({
  key: null,
  accountId: null,
  lastActiveAt: 0,
}));

export function unlockWith(accountId: string, key: CryptoKey, now = Date.now()): void {
  useTeamVault.setState({ key, accountId, lastActiveAt: now });
}

export function lockTeamVault(): void {
  useTeamVault.setState({ key: null, accountId: null, lastActiveAt: 0 });
}

export function touchTeamVault(now = Date.now()): void {
  if (useTeamVault.getState().key) useTeamVault.setState({ lastActiveAt: now });
}

/** Drops the key when it was left idle too long; true if it did. */
export function lockIfIdle(now = Date.now(), limit = IDLE_LOCK_MS): boolean {
  const { key, lastActiveAt } = useTeamVault.getState();
  if (key && now - lastActiveAt >= limit) {
    lockTeamVault();
    return true;
  }
  return false;
}
