import { base32nopad } from '@scure/base';
import { base45Decode, base45Encode } from './base45.ts';
import { COMPACT_PREFIX } from './compactCode.ts';

/**
 * What the printed QR holds: a link a phone's own camera opens, to the verify page of the
 * issuing server, carrying the very bytes of the `HS1:` code (zlib of the COSE_Sign1).
 *
 * `HTTPS://HOST/V/<base32>`, all in upper case: every character is in the QR alphanumeric set
 * (5.5 bits each, against 8 in byte mode) and safe in a URL path. Base45 is not: its space
 * and `%` break a link. Base32 (RFC 4648, no padding) costs ~7 % more characters than base45
 * and reads back the same whatever the case a scanner hands over.
 */
export const LINK_PATH = '/V/';
const LINK = /\/v\/([a-z2-7]+)\/?$/i;

/** The link for a code, on the server at `origin` (e.g. https://hocso.example.vn). */
export function verifyLink(origin: string, code: string): string {
  const bytes = code.startsWith(COMPACT_PREFIX)
    ? base45Decode(code.slice(COMPACT_PREFIX.length))
    : null;
  if (!bytes) throw new TypeError('not an HS1 code');
  return `${origin.replace(/\/+$/, '')}${LINK_PATH}${base32nopad.encode(bytes)}`.toUpperCase();
}

/**
 * The `HS1:` code a scanned or pasted text stands for: an `HS1:` code as it is, a verify link
 * (any case) as the code of its bytes; anything else unchanged (it then fails verification).
 */
export function codeFromText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith(COMPACT_PREFIX)) return trimmed;
  const link = LINK.exec(trimmed);
  if (!link) return trimmed;
  try {
    return COMPACT_PREFIX + base45Encode(base32nopad.decode(link[1]!.toUpperCase()));
  } catch {
    return trimmed;
  }
}
