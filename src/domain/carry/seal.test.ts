import { base64urlnopad } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type CarryBundle, type CarryFile } from '../../protocol';
import {
  carryKeyIdOf,
  newCarryOpenKey,
  newDeviceSigningKey,
  openCarryFile,
  sealCarryBundle,
  signWithDeviceKey,
  verifyDeviceSignature,
} from './seal';

const deviceId = '0190a3b4-1111-7222-8333-444455556666';
const lessonId = 'lesson-zalo-gui-anh';

function serverKey() {
  const { privateKey, publicKey } = newCarryOpenKey();
  const keyId = carryKeyIdOf(publicKey);
  return {
    open: [{ keyId, privateKey }],
    seal: { keyId, publicKey: base64urlnopad.encode(publicKey) },
  };
}

function bundleOf(records = 3): CarryBundle {
  return {
    protocolVersion: PROTOCOL_VERSION,
    bundleId: '0190a3b4-2222-7222-8333-444455556666',
    counter: 1,
    createdAt: '2026-11-30T01:00:00.000Z',
    records: Array.from({ length: records }, (_, i) => ({
      kind: 'learning-event',
      id: `0190a3b4-3333-7222-8333-44445555${String(6000 + i)}`,
      data: { type: 'lesson.completed', payload: { lessonId, score: i } },
    })),
  };
}

/** Flips one bit of the sealed part, as a careless or hostile carrier might. */
function flipSealed(file: CarryFile, at: number): CarryFile {
  const bytes = base64urlnopad.decode(file.sealed);
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return { ...file, sealed: base64urlnopad.encode(bytes) };
}

describe('carry files', () => {
  it('open with the server key to the bundle and device that sealed it', async () => {
    const key = serverKey();
    const device = newDeviceSigningKey();
    const file = await sealCarryBundle(bundleOf(), deviceId, device, key.seal);
    const outcome = await openCarryFile(JSON.parse(JSON.stringify(file)), key.open);
    expect(outcome).toEqual({
      ok: true,
      opened: { deviceId, devicePublicKey: device.publicKey, bundle: bundleOf() },
    });
  });

  it('hold no readable record field, id or device id', async () => {
    const key = serverKey();
    const text = JSON.stringify(
      await sealCarryBundle(bundleOf(), deviceId, newDeviceSigningKey(), key.seal),
    );
    for (const plain of [lessonId, 'lesson.completed', deviceId, '0190a3b4-3333', 'score']) {
      expect(text).not.toContain(plain);
    }
  });

  it('are refused as foreign when sealed for another server', async () => {
    const file = await sealCarryBundle(
      bundleOf(),
      deviceId,
      newDeviceSigningKey(),
      serverKey().seal,
    );
    expect(await openCarryFile(file, serverKey().open)).toEqual({ ok: false, reason: 'foreign' });
  });

  it('are refused as altered when the key id names a key that did not seal them', async () => {
    const other = serverKey();
    const file = await sealCarryBundle(bundleOf(), deviceId, newDeviceSigningKey(), other.seal);
    const mine = serverKey();
    const sameId = [{ keyId: other.seal.keyId, privateKey: mine.open[0]!.privateKey }];
    expect(await openCarryFile(file, sameId)).toEqual({ ok: false, reason: 'altered' });
  });

  it('are refused as altered when one bit of the seal or the header changes', async () => {
    const key = serverKey();
    const file = await sealCarryBundle(bundleOf(), deviceId, newDeviceSigningKey(), key.seal);
    for (const at of [0, 20, 100, base64urlnopad.decode(file.sealed).length - 1]) {
      expect(await openCarryFile(flipSealed(file, at), key.open)).toEqual({
        ok: false,
        reason: 'altered',
      });
    }
    const otherNonce = base64urlnopad.encode(new Uint8Array(12));
    expect(await openCarryFile({ ...file, nonce: otherNonce }, key.open)).toEqual({
      ok: false,
      reason: 'altered',
    });
  });

  it('are refused as malformed when cut short or not a carry file', async () => {
    const key = serverKey();
    const file = await sealCarryBundle(bundleOf(), deviceId, newDeviceSigningKey(), key.seal);
    const text = JSON.stringify(file);
    const truncatedText = text.slice(0, Math.floor(text.length / 2));
    expect(() => JSON.parse(truncatedText) as unknown).toThrow();
    const cut = { ...file, sealed: file.sealed.slice(0, file.sealed.length - 40) };
    expect(await openCarryFile(cut, key.open)).toEqual({ ok: false, reason: 'altered' });
    for (const junk of [null, 'text', {}, { ...file, format: 'zip' }, { ...file, sealed: '' }]) {
      expect(await openCarryFile(junk, key.open)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('are refused when signed by another key than the one they name', async () => {
    // A file re-sealed by someone who knows the server's public key but not the device's
    // private key: the signature is made with another key, the named key is the device's.
    const key = serverKey();
    const device = newDeviceSigningKey();
    const forger = newDeviceSigningKey();
    const forged = await sealCarryBundle(
      bundleOf(),
      deviceId,
      { privateKey: forger.privateKey, publicKey: device.publicKey },
      key.seal,
    );
    expect(await openCarryFile(forged, key.open)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('are refused as malformed when the sealed bundle is not a bundle', async () => {
    const key = serverKey();
    const notBundle = { ...bundleOf(), records: [] } as CarryBundle;
    const file = await sealCarryBundle(notBundle, deviceId, newDeviceSigningKey(), key.seal);
    expect(await openCarryFile(file, key.open)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('device key signatures verify only for their text and key', () => {
    const key = newDeviceSigningKey();
    const signature = signWithDeviceKey('hello', key);
    expect(verifyDeviceSignature('hello', signature, key.publicKey)).toBe(true);
    expect(verifyDeviceSignature('hellO', signature, key.publicKey)).toBe(false);
    expect(verifyDeviceSignature('hello', signature, newDeviceSigningKey().publicKey)).toBe(false);
    expect(verifyDeviceSignature('hello', 'junk', key.publicKey)).toBe(false);
  });
});
