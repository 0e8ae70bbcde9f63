import { beforeEach, describe, expect, it } from 'vitest';
import type { ProgrammeCertificate } from '../protocol/programmeCertificates';
import { HolderNameError } from './certificates';
import { database } from './db';
import {
  programmeCertificateKey,
  requestProgrammeCertificate,
  storeProgrammeAnswer,
  waitingProgrammeRequests,
} from './programmeCertificates';
import { createProfile } from './profiles';

const programme = {
  organisationId: '0b9f3c4e-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  assignmentId: '01900000-0000-7000-8000-000000000001',
  round: 0,
  title: 'Kỹ năng số cơ bản — 2026',
};
const key = programmeCertificateKey(programme.assignmentId, programme.round);

function signed(profileId: string): ProgrammeCertificate {
  return {
    id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
    profileId,
    organisationId: programme.organisationId,
    assignmentId: programme.assignmentId,
    round: 0,
    programmeId: 'ky-nang-so-2026',
    title: programme.title,
    courses: ['digital-government-work'],
    holderName: 'Nguyễn Thị Lan',
    issuedAt: '2026-11-28T08:00:00.000Z',
    keyId: 'key-1',
    credential: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
    qr: 'HS1:ABC',
    revoked: false,
  };
}

describe('programme certificates on the phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('wait on the phone once asked for, once each, until the server answers', async () => {
    const lan = await createProfile({ name: 'Lan', avatar: 'leaf' });
    await expect(requestProgrammeCertificate(lan, programme, '   ')).rejects.toBeInstanceOf(
      HolderNameError,
    );
    const row = await requestProgrammeCertificate(lan, programme, ' Nguyễn  Thị Lan ');
    expect(row).toMatchObject({ courseId: key, status: 'waiting', holderName: 'Nguyễn Thị Lan' });
    await requestProgrammeCertificate(lan, programme, 'Tên khác');
    expect(await waitingProgrammeRequests(lan)).toEqual([row]);

    await storeProgrammeAnswer(lan, key, {
      status: 'refused',
      reason: 'not_mastered',
      remaining: ['digital-government-work'],
    });
    expect(await waitingProgrammeRequests(lan)).toEqual([
      { ...row, pendingReason: 'not_mastered' },
    ]);

    await storeProgrammeAnswer(lan, key, { status: 'signed', certificate: signed(lan) });
    expect(await waitingProgrammeRequests(lan)).toEqual([]);
    expect(await database().certificates.get([lan, key])).toMatchObject({
      status: 'signed',
      certificateId: signed(lan).id,
      qr: 'HS1:ABC',
      programme,
    });
  });
});
