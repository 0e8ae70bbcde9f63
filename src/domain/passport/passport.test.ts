// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gzip } from '../../lib/gzip';
import { testIssuer, testPassport } from '../../test/passports';
import { encodePassportFile, readPassportFile } from './passport';

const server = testIssuer('kserver');
const stranger = testIssuer('kother');
const keys = [server.key];

describe('progress passport files', () => {
  it('reads a genuine passport back with its whole record', async () => {
    const passport = testPassport(server);
    expect(await readPassportFile(await encodePassportFile(passport), keys)).toEqual({
      ok: true,
      passport,
    });
    // A past key the phone still knows verifies too (rotation keeps old passports good).
    const older = testIssuer('kold');
    const check = await readPassportFile(await encodePassportFile(testPassport(older)), [
      older.key,
      server.key,
    ]);
    expect(check.ok).toBe(true);
  });

  it('refuses a passport changed after it was signed', async () => {
    const passport = testPassport(server);
    const changed = [
      { ...passport, holderName: 'Người khác' },
      { ...passport, courses: passport.courses.map((c) => ({ ...c, passed: true })) },
      { ...passport, issuedAt: '2027-01-01T00:00:00.000Z' },
      { ...passport, signature: passport.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    ];
    for (const altered of changed) {
      expect(await readPassportFile(await encodePassportFile(altered), keys)).toEqual({
        ok: false,
        reason: 'altered',
      });
    }
    // A field the format does not have is an altered passport, not a stranger's file.
    const extra = { ...passport, phone: '0912345678' };
    const bytes = await gzip(new TextEncoder().encode(JSON.stringify(extra)));
    expect((await readPassportFile(bytes, keys)).ok).toBe(false);
  });

  it('refuses a cut-short file', async () => {
    const bytes = await encodePassportFile(testPassport(server));
    for (const length of [bytes.length - 9, Math.floor(bytes.length / 2), 20]) {
      expect(await readPassportFile(bytes.slice(0, length), keys)).toEqual({
        ok: false,
        reason: 'truncated',
      });
    }
    const plain = new TextEncoder().encode(JSON.stringify(testPassport(server)).slice(0, 200));
    expect(await readPassportFile(plain, keys)).toEqual({ ok: false, reason: 'truncated' });
  });

  it("refuses another server's passport, and one of a revoked key", async () => {
    const foreign = await encodePassportFile(testPassport(stranger));
    expect(await readPassportFile(foreign, keys)).toEqual({ ok: false, reason: 'foreign' });
    // Another server that happens to use the same key id: its signature does not hold.
    const sameId = await encodePassportFile(testPassport(testIssuer('kserver')));
    expect(await readPassportFile(sameId, keys)).toEqual({ ok: false, reason: 'altered' });
    const revoked = [{ ...server.key, revokedAt: '2026-11-01T00:00:00Z' }];
    const genuine = await encodePassportFile(testPassport(server));
    expect(await readPassportFile(genuine, revoked)).toEqual({ ok: false, reason: 'foreign' });
  });

  it('tells a course file and any other file apart from a passport', async () => {
    const courseFile = await gzip(
      new TextEncoder().encode(JSON.stringify({ format: 'hocso-course-file/1', entry: {} })),
    );
    expect(await readPassportFile(courseFile, keys)).toEqual({ ok: false, reason: 'courseFile' });
    const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
    expect(await readPassportFile(photo, keys)).toEqual({ ok: false, reason: 'notPassport' });
    const json = new TextEncoder().encode('{"hello":"world"}');
    expect(await readPassportFile(json, keys)).toEqual({ ok: false, reason: 'notPassport' });
  });
});
