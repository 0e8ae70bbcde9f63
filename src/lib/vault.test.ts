import { describe, expect, it } from 'vitest';
import {
  checkVerifier,
  deriveKey,
  fromBase64,
  makeVerifier,
  newSalt,
  open,
  seal,
  toBase64,
  VAULT_ITERATIONS,
  WrongPassphraseError,
} from './vault';

// Most cases use fewer iterations to keep the suite quick; one case runs the real count.
const FAST = 1_000;

describe('team vault encryption', () => {
  it('uses at least 600,000 PBKDF2 iterations by default, and that key round-trips', async () => {
    expect(VAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const salt = newSalt();
    const key = await deriveKey('mật khẩu của tổ', salt);
    const again = await deriveKey('mật khẩu của tổ', salt);
    const blob = await seal(key, { name: 'Bà Hoa' });
    expect(await open(again, blob)).toEqual({ name: 'Bà Hoa' });
  });

  it('hides the text, and uses a fresh 12-byte IV every time', async () => {
    const key = await deriveKey('1234', newSalt(), FAST);
    const a = await seal(key, { phone: '0912345678' });
    const b = await seal(key, { phone: '0912345678' });
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(atob(a.data)).not.toContain('0912345678');
  });

  it('a wrong passphrase or another salt cannot open the verifier', async () => {
    const salt = newSalt();
    const key = await deriveKey('đúng rồi', salt, FAST);
    const verifier = await makeVerifier(key);
    await expect(checkVerifier(key, verifier)).resolves.toBeUndefined();
    const wrong = await deriveKey('sai rồi', salt, FAST);
    await expect(checkVerifier(wrong, verifier)).rejects.toBeInstanceOf(WrongPassphraseError);
    const otherSalt = await deriveKey('đúng rồi', newSalt(), FAST);
    await expect(checkVerifier(otherSalt, verifier)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a blob that was altered', async () => {
    const key = await deriveKey('1234', newSalt(), FAST);
    const blob = await seal(key, 'ghi chú');
    const bytes = fromBase64(blob.data);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await expect(open(key, { ...blob, data: toBase64(bytes) })).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('the same passphrase in another Unicode form opens the same log', async () => {
    const salt = newSalt();
    const composed = await deriveKey('Hoà', salt, FAST);
    const decomposed = await deriveKey('Hoa\u0300', salt, FAST);
    await expect(checkVerifier(decomposed, await makeVerifier(composed))).resolves.toBeUndefined();
  });
});
