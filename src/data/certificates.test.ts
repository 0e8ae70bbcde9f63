import { beforeEach, describe, expect, it } from 'vitest';
import {
  HolderNameError,
  readVerificationCache,
  requestCertificate,
  storeCertificates,
  storeIssuerKeys,
  storeRevocationList,
} from './certificates';
import type { CertificateRecord } from '../protocol/certificates';
import { database } from './db';
import { recordEvent } from './learning';
import { createProfile, deleteProfile } from './profiles';
import { createDexieSyncStore } from './syncStore';

const courseId = 'smartphone-basics';

function signed(profileId: string, overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
    profileId,
    courseId,
    holderName: 'Nguyễn Thị Lan',
    issuedAt: '2026-11-28T08:00:00.000Z',
    keyId: 'key-1',
    credential: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
    qr: 'HS1:ABC',
    revoked: false,
    ...overrides,
  };
}

describe('certificates on the phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('record the request, the waiting row and the outbox entry together', async () => {
    const lan = await createProfile({ name: 'Lan', avatar: 'leaf' });
    const row = await requestCertificate(lan, courseId, '  Nguyễn   Thị Lan ');
    expect(row).toMatchObject({ status: 'waiting', holderName: 'Nguyễn Thị Lan', courseId });
    const db = database();
    const event = await db.events.get(row.requestId);
    expect(event).toMatchObject({
      type: 'certificate.requested',
      payload: { courseId, holderName: 'Nguyễn Thị Lan' },
    });
    const entry = ['learning-event', row.requestId];
    expect(await db.outbox.where('[kind+recordId]').equals(entry).count()).toBe(1);
    // Asking again does not record a second request.
    await requestCertificate(lan, courseId, 'Lan');
    expect(await db.events.count()).toBe(1);
    // And the request did not touch course progress.
    expect(await db.courseProgress.count()).toBe(0);
  });

  it('refuse an empty or too long name, writing nothing', async () => {
    const lan = await createProfile({ name: 'Lan', avatar: 'leaf' });
    await expect(requestCertificate(lan, courseId, '   ')).rejects.toThrow(HolderNameError);
    await expect(requestCertificate(lan, courseId, 'a'.repeat(81))).rejects.toThrow(
      HolderNameError,
    );
    const db = database();
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.certificates.count()).toBe(0);
  });

  it('store a signed certificate on the profile that asked, and never unsign it', async () => {
    const lan = await createProfile({ name: 'Lan', avatar: 'leaf' });
    const minh = await createProfile({ name: 'Minh', avatar: 'fish' });
    await requestCertificate(minh, courseId, 'Minh');
    await requestCertificate(lan, courseId, 'Nguyễn Thị Lan');
    await storeCertificates(
      { kind: 'device' },
      {
        certificates: [signed(lan)],
        pending: [{ profileId: minh, courseId, reason: 'not_mastered' }],
      },
    );
    const db = database();
    expect(await db.certificates.get([lan, courseId])).toMatchObject({
      status: 'signed',
      certificateId: signed(lan).id,
      qr: 'HS1:ABC',
    });
    expect(await db.certificates.get([minh, courseId])).toMatchObject({
      status: 'waiting',
      pendingReason: 'not_mastered',
    });
    // A request pulled again later does not make a signed certificate wait.
    const request = await db.events.get((await db.certificates.get([lan, courseId]))!.requestId);
    const again = { ...request!, id: newerId(), serverSeq: 9 };
    await createDexieSyncStore().applyPulled(
      { kind: 'learning-event' },
      [{ kind: 'learning-event', id: again.id, data: again }],
      9,
    );
    expect((await db.certificates.get([lan, courseId]))?.status).toBe('signed');
  });

  it('bring back an account’s certificates on a new phone, and delete them with the profile', async () => {
    const lan = await createProfile({ name: 'Lan', avatar: 'leaf' });
    const db = database();
    await db.credentials.put({
      profileId: lan,
      accountId: 'a1',
      displayName: 'Lan',
      accessToken: 't',
      refreshToken: 'r',
      pullCursor: 0,
    });
    await storeCertificates({ kind: 'device' }, { certificates: [signed(lan)], pending: [] });
    expect(await db.certificates.count()).toBe(0);
    // Asked for on another phone, by that phone's profile of the same account.
    const elsewhere = '6a1d3c9e-2b4f-4e8a-9c7d-1e2f3a4b5c6d';
    await storeCertificates(
      { kind: 'account', profileId: lan },
      { certificates: [signed(elsewhere)], pending: [] },
    );
    expect(await db.certificates.get([lan, courseId])).toMatchObject({
      status: 'signed',
      requestId: '',
    });
    await recordEvent(lan, 'lesson.completed', { courseId, lessonId: 'phone-parts' });
    await deleteProfile(lan);
    expect(await db.certificates.count()).toBe(0);
  });

  it('cache the issuer keys and the revocation list with the time it was checked', async () => {
    expect(await readVerificationCache()).toEqual({
      keys: [],
      revocationList: undefined,
      checkedAt: null,
    });
    await storeIssuerKeys({
      issuer: { id: 'https://hocso.example/issuer', name: 'Học Số' },
      keys: [{ keyId: 'key-1', publicKeyMultibase: 'z6Mk', validFrom: '2026-01-01T00:00:00Z' }],
    });
    const list = {
      updatedAt: '2026-11-28T09:00:00Z',
      revoked: ['x'],
      keyId: 'key-1',
      signature: 's',
    };
    await storeRevocationList(list, '2026-11-28T09:01:00.000Z');
    expect(await readVerificationCache()).toEqual({
      keys: [
        {
          keyId: 'key-1',
          publicKeyMultibase: 'z6Mk',
          validFrom: '2026-01-01T00:00:00Z',
          issuerId: 'https://hocso.example/issuer',
          issuerName: 'Học Số',
        },
      ],
      revocationList: list,
      checkedAt: '2026-11-28T09:01:00.000Z',
    });
  });
});

/** A UUIDv7 later than any made so far in the test. */
function newerId(): string {
  return 'ffffffff-ffff-7fff-bfff-ffffffffffff';
}
