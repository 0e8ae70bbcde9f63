import { beforeEach, describe, expect, it } from 'vitest';
import { visitReviewSchema } from '../protocol';
import { database } from './db';
import { createDexieSyncStore } from './syncStore';
import { createTeamVault } from './teamVault';
import { latestReviews, reviewComment, reviewVisit, storePulledReviews } from './visitReviews';
import { wipeTeamData } from './visits';

const accountId = '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01';
const teamId = '7a1c2e3d-4b5f-4a6e-8d7c-9b0a1f2e3d4c';
const visitId = '019a9c2e-7f00-7000-8000-00000000000a';
const leader = { accountId, displayName: 'Anh Hải' };
const COMMENT = 'Bà Tư cần ghi rõ số phút';

describe('a leader’s reviews on the phone', () => {
  let key: CryptoKey;
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
    key = await createTeamVault(accountId, 'mat-khau-tai-khoan', 1_000);
    await database().credentials.put({
      profileId: 'p1',
      accountId,
      displayName: 'Anh Hải',
      accessToken: 'a',
      refreshToken: 'r',
      pullCursor: 0,
    });
  });

  it('waits in the outbox with the comment sealed, and is pushed only with the key', async () => {
    const row = await reviewVisit(key, leader, {
      teamId,
      visitId,
      version: 2,
      decision: 'sent_back',
      comment: `  ${COMMENT} `,
    });
    const raw = JSON.stringify(await database().visitReviews.toArray());
    expect(raw).not.toContain('Bà Tư');
    expect(await reviewComment(key, row)).toBe(COMMENT);

    const locked = createDexieSyncStore(database(), { kind: 'account', profileId: 'p1' });
    expect((await locked.pendingRecords(10)).records).toEqual([]);
    const store = createDexieSyncStore(database(), { kind: 'account', profileId: 'p1' }, () => key);
    const { records, highWater } = await store.pendingRecords(10);
    expect(records).toHaveLength(1);
    expect(records[0]!.kind).toBe('visit-review');
    const data = visitReviewSchema.parse(records[0]!.data);
    expect(data).toMatchObject({ visitId, version: 2, decision: 'sent_back', comment: COMMENT });

    await store.settleUpTo({ highWater, refused: [] });
    expect(await database().outbox.count()).toBe(0);
    expect((await database().visitReviews.get([accountId, row.id]))?.state).toBe('stored');
  });

  it('the latest review by the server’s order counts; one made here and unsent comes last', async () => {
    const base = {
      teamId,
      visitId,
      version: 1,
      deviceId: '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f',
      madeBy: leader,
    };
    await storePulledReviews(key, accountId, [
      {
        ...base,
        id: '019a9c2e-7f00-7000-8000-0000000000b2',
        decision: 'approved',
        madeAt: '2026-11-29T01:00:00.000Z',
        serverSeq: 9,
      },
      {
        ...base,
        id: '019a9c2e-7f00-7000-8000-0000000000b1',
        decision: 'sent_back',
        comment: COMMENT,
        // A later clock on the phone does not matter: the server's order does.
        madeAt: '2026-11-29T05:00:00.000Z',
        serverSeq: 4,
      },
    ]);
    expect((await latestReviews(accountId, teamId)).get(visitId)?.decision).toBe('approved');
    await reviewVisit(key, leader, {
      teamId,
      visitId,
      version: 1,
      decision: 'sent_back',
      comment: 'Lần nữa',
    });
    const latest = (await latestReviews(accountId, teamId)).get(visitId)!;
    expect(await reviewComment(key, latest)).toBe('Lần nữa');

    await wipeTeamData(accountId);
    expect(await database().visitReviews.count()).toBe(0);
    expect(await database().outbox.count()).toBe(0);
  });
});
