import type {
  CertificatesResponse,
  IssuersResponse,
  RevocationList,
} from '../protocol/certificates';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import { recordEvent } from './learning';
import type { CertificateRow, IssuerKeyRow } from './rows';
import type { SyncScope } from './syncStore';

/** The name printed on a certificate: what the person typed, trimmed, 1 to 80 characters. */

/** What a certificate the server signed says, as every path that brings one to the phone has it. */
interface SignedCertificate {
  id: string;
  holderName: string;
  credential: unknown;
  qr: string;
  issuedAt: string;
  keyId: string;
  revoked?: boolean;
}

/**
 * How this phone keeps a certificate the server signed: fetched after a sync, a programme's, or
 * one a passport brought. `requestId` is the request made on this phone, if there was one.
 */
export function signedCertificateRow(
  profileId: string,
  courseId: string,
  signed: SignedCertificate,
  requestId = '',
): CertificateRow {
  return {
    profileId,
    courseId,
    requestId,
    holderName: signed.holderName,
    status: 'signed',
    certificateId: signed.id,
    credential: signed.credential,
    qr: signed.qr,
    issuedAt: signed.issuedAt,
    keyId: signed.keyId,
    revoked: signed.revoked ?? false,
  };
}

export class HolderNameError extends Error {
  override name = 'HolderNameError';
  constructor(readonly reason: 'empty' | 'tooLong') {
    super(reason === 'empty' ? 'The holder name is empty' : 'The holder name is too long');
  }
}

export const HOLDER_NAME_MAX = 80;

/** Typed as the holder wishes, stored in the one clean form the server's text rule accepts. */
export function cleanHolderName(name: string): string {
  const clean = name
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .trim()
    .normalize('NFC');
  if (clean.length === 0) throw new HolderNameError('empty');
  if (clean.length > HOLDER_NAME_MAX) throw new HolderNameError('tooLong');
  return clean;
}

/**
 * Asks for a certificate: records `certificate.requested` through the recorder, so the event,
 * the waiting certificate row and the outbox entry are written together or not at all.
 * A certificate already asked for (or signed) is not asked for again.
 */
export async function requestCertificate(
  profileId: string,
  courseId: string,
  holderName: string,
  db: HocSoDatabase = database(),
): Promise<CertificateRow> {
  const name = cleanHolderName(holderName);
  const existing = await db.certificates.get([profileId, courseId]);
  if (existing) return existing;
  await recordEvent(profileId, 'certificate.requested', { courseId, holderName: name }, db);
  const row = await db.certificates.get([profileId, courseId]);
  if (!row) throw new Error('The certificate request was not stored');
  return row;
}

/**
 * Stores what the server signed for the profiles of one sync scope. On a shared device each
 * certificate goes to the profile that asked for it; an account's go to the profile signed in
 * here (also when it was asked for on another phone, so a new phone gets them back).
 */
export async function storeCertificates(
  scope: SyncScope,
  answer: CertificatesResponse,
  db: HocSoDatabase = database(),
): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', [db.certificates, db.credentials, db.profiles], async () => {
      const signedIn = new Set(await db.credentials.toCollection().primaryKeys());
      const profiles = new Set(await db.profiles.toCollection().primaryKeys());
      /** The local profile a record of the server belongs to, if it is in this scope. */
      const localProfile = (profileId: string): string | null => {
        if (scope.kind === 'account') return profiles.has(scope.profileId) ? scope.profileId : null;
        return profiles.has(profileId) && !signedIn.has(profileId) ? profileId : null;
      };
      for (const record of answer.certificates) {
        const profileId = localProfile(record.profileId);
        if (!profileId) continue;
        const before = await db.certificates.get([profileId, record.courseId]);
        await db.certificates.put(
          signedCertificateRow(profileId, record.courseId, record, before?.requestId),
        );
      }
      for (const pending of answer.pending) {
        const profileId = localProfile(pending.profileId);
        if (!profileId) continue;
        const key: [string, string] = [profileId, pending.courseId];
        const before = await db.certificates.get(key);
        if (before?.status === 'waiting')
          await db.certificates.update(key, { pendingReason: pending.reason });
      }
    }),
  );
}

/** Replaces the cached issuer keys with the published ones (a key is never forgotten). */
export async function storeIssuerKeys(
  answer: IssuersResponse,
  db: HocSoDatabase = database(),
): Promise<void> {
  const rows: IssuerKeyRow[] = answer.keys.map((key) => ({
    keyId: key.keyId,
    publicKeyMultibase: key.publicKeyMultibase,
    validFrom: key.validFrom,
    ...(key.revokedAt ? { revokedAt: key.revokedAt } : {}),
    issuerId: answer.issuer.id,
    issuerName: answer.issuer.name,
  }));
  await guardStorage(() => db.issuerKeys.bulkPut(rows));
}

/**
 * Keeps the signed revocation list exactly as received (it is verified against the issuer
 * keys each time it is used) and the time it was checked.
 */
export async function storeRevocationList(
  list: RevocationList,
  checkedAt: string,
  db: HocSoDatabase = database(),
): Promise<void> {
  await guardStorage(() =>
    db.meta.bulkPut([
      { key: 'revocationList', value: JSON.stringify(list) },
      { key: 'revocationsCheckedAt', value: checkedAt },
    ]),
  );
}

export interface VerificationCache {
  keys: IssuerKeyRow[];
  /** The stored list, not yet verified; undefined if never fetched. */
  revocationList: unknown;
  checkedAt: string | null;
}

/** What this phone knows for verifying a certificate offline. */
export async function readVerificationCache(
  db: HocSoDatabase = database(),
): Promise<VerificationCache> {
  return db.transaction('r', db.issuerKeys, db.meta, async () => {
    const [keys, list, checkedAt] = await Promise.all([
      db.issuerKeys.toArray(),
      db.meta.get('revocationList'),
      db.meta.get('revocationsCheckedAt'),
    ]);
    let revocationList: unknown;
    try {
      revocationList = typeof list?.value === 'string' ? JSON.parse(list.value) : undefined;
    } catch {
      revocationList = undefined;
    }
    return {
      keys,
      revocationList,
      checkedAt: typeof checkedAt?.value === 'string' ? checkedAt.value : null,
    };
  });
}
