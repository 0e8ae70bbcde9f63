// @vitest-environment node
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { CompactClaims, IssuerKey } from '../../protocol/certificates.ts';
import { encodeCompact, verifyCompact } from './compactCode.ts';
import { publicKeyOf, publicKeyToMultibase } from './keys.ts';
import { codeFromText, verifyLink } from './verifyLink.ts';

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => (i * 5 + 3) & 0xff);
const keys: IssuerKey[] = [
  {
    keyId: 'kLinkKey',
    publicKeyMultibase: publicKeyToMultibase(publicKeyOf(SECRET)),
    validFrom: '2026-01-01T00:00:00.000Z',
  },
];
const claims: CompactClaims = {
  certificateId: '0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b',
  credentialHash: 'cd'.repeat(32),
  holderName: 'Nguyễn Thị Minh Khai',
  courseId: 'cashless-payments',
  courseTitle: 'Thanh toán không dùng tiền mặt và VietQR an toàn',
  level: 'basic',
  issuedOn: '2026-11-28',
  keyId: 'kLinkKey',
};
const code = encodeCompact(claims, SECRET, 'kLinkKey');
const ORIGIN = 'https://hocso.example.vn';
/** The QR alphanumeric set: what a QR stores in 5.5 bits a character. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

describe('the verify link a certificate QR holds', () => {
  it('is an upper-case https link to /V/ in the QR alphanumeric set, with no space or %', () => {
    const link = verifyLink(ORIGIN, code);
    expect(link.startsWith('HTTPS://HOCSO.EXAMPLE.VN/V/')).toBe(true);
    expect(link).toMatch(ALPHANUMERIC);
    expect(link).not.toMatch(/[ %]/);
    expect(new URL(link).pathname.startsWith('/V/')).toBe(true);
    // One alphanumeric segment, at error correction M.
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    expect(qr.segments.map((s: { mode: { id: string } }) => s.mode.id)).toEqual(['Alphanumeric']);
    expect(qr.version).toBeLessThanOrEqual(13);
  });

  it('reads back as the very HS1 code, in any case, and verifies', () => {
    const link = verifyLink(ORIGIN, code);
    for (const text of [link, link.toLowerCase(), `  ${link}/ `, new URL(link).pathname]) {
      expect(codeFromText(text)).toBe(code);
    }
    expect(verifyCompact(codeFromText(link), keys, new Set()).status).toBe('valid');
  });

  it('old HS1 codes still read as themselves; a changed link fails', () => {
    expect(codeFromText(` ${code}\n`)).toBe(code);
    const link = verifyLink(ORIGIN, code);
    const at = link.length - 10;
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    expect(verifyCompact(codeFromText(changed), keys, new Set()).status).toBe('tampered');
    expect(verifyCompact(codeFromText(`${ORIGIN}/V/`), keys, new Set()).status).toBe('tampered');
    expect(verifyCompact(codeFromText(`${ORIGIN}/V/189`), keys, new Set()).status).toBe('tampered');
  });
});
