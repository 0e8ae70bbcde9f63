import { beforeEach, describe, expect, it } from 'vitest';
import { IDLE_LOCK_MS, lockIfIdle, touchTeamVault, unlockWith, useTeamVault } from './teamVault';

describe('the team log lock', () => {
  const key = {} as CryptoKey;
  beforeEach(() => unlockWith('a', key, 1_000));

  it('keeps the key while in use, drops it after five idle minutes', () => {
    touchTeamVault(1_000 + IDLE_LOCK_MS - 1);
    expect(lockIfIdle(1_000 + IDLE_LOCK_MS)).toBe(false);
    expect(useTeamVault.getState().key).toBe(key);
    expect(lockIfIdle(1_000 + 2 * IDLE_LOCK_MS)).toBe(true);
    expect(useTeamVault.getState()).toMatchObject({ key: null, accountId: null });
  });
});
