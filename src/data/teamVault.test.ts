import { beforeEach, describe, expect, it } from 'vitest';
import { deriveKeyBytes, open, seal, toBase64, WrongPassphraseError } from '../lib/vault';
import { database } from './db';
import {
  createTeamVault,
  dayIsOpen,
  endOfVietnamDay,
  endTeamVaultDay,
  getTeamVault,
  reopenTeamVault,
  unlockTeamVault,
} from './teamVault';

const accountId = '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01';
const PASSWORD = 'mat-khau-tai-khoan';
// 22:30 on 29/11/2026 in Vietnam: the day ends at 17:00 UTC the same date.
const evening = Date.parse('2026-11-29T22:30:00+07:00');
const midnight = Date.parse('2026-11-30T00:00:00+07:00');

describe('the team log opens once a day with the password, then with the profile PIN', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('ends a day at midnight in Vietnam, not in UTC', () => {
    expect(endOfVietnamDay(evening)).toBe(new Date(midnight).toISOString());
    // 01:00 UTC on the 30th is already 08:00 on the 30th in Vietnam.
    expect(endOfVietnamDay(Date.parse('2026-11-30T01:00:00Z'))).toBe('2026-11-30T17:00:00.000Z');
  });

  it('the day reopens the same key until midnight, never keeping the key in the clear', async () => {
    const key = await createTeamVault(accountId, PASSWORD, 1_000, evening);
    const secret = await seal(key, 'Bà Tư');
    const vault = await getTeamVault(accountId);
    expect(dayIsOpen(vault, evening)).toBe(true);
    expect(vault?.day?.deviceKey.extractable).toBe(false);
    // The key's bytes are stored only sealed by the device key.
    const bytes = toBase64(await deriveKeyBytes(PASSWORD, vault!.salt, vault!.iterations));
    const row = JSON.stringify(await database().teamVaults.toArray());
    expect(row).not.toContain(bytes);
    expect(row).not.toContain(PASSWORD);

    const reopened = await reopenTeamVault(accountId, midnight - 1);
    expect(reopened).not.toBeNull();
    expect(await open(reopened!, secret)).toBe('Bà Tư');

    expect(await reopenTeamVault(accountId, midnight)).toBeNull();
    expect((await getTeamVault(accountId))?.day).toBeUndefined();
  });

  it('the password opens a new day; a wrong one opens nothing and starts no day', async () => {
    await createTeamVault(accountId, PASSWORD, 1_000, evening);
    await endTeamVaultDay(accountId);
    expect(await reopenTeamVault(accountId, evening)).toBeNull();
    await expect(unlockTeamVault(accountId, 'sai-mat-khau', evening)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect((await getTeamVault(accountId))?.day).toBeUndefined();
    const key = await unlockTeamVault(accountId, PASSWORD, midnight + 1);
    const vault = await getTeamVault(accountId);
    expect(vault?.day?.until).toBe('2026-11-30T17:00:00.000Z');
    const again = await reopenTeamVault(accountId, midnight + 2);
    expect(await open(again!, await seal(key, 'ok'))).toBe('ok');
  });
});
