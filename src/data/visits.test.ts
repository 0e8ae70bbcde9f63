import { beforeEach, describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../lib/vault';
import { database } from './db';
import { createDexieSyncStore } from './syncStore';
import { createTeamVault, lastPlace, unlockTeamVault } from './teamVault';
import type { VisitDraftValues } from './visitParts';
import {
  deleteDraft,
  finalizeDraft,
  listVisits,
  readDraft,
  readVersion,
  saveDraft,
  startAmendment,
  storePulled,
  VisitInvalidError,
  wipeTeamData,
} from './visits';

const accountId = '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01';
const teamId = '7a1c2e3d-4b5f-4a6e-8d7c-9b0a1f2e3d4c';
const deviceId = '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f';
const owner = { accountId, teamId };
const context = { deviceId, consentVersion: 'v1' };

const values: VisitDraftValues = {
  date: '2026-11-20',
  communeCode: '00004',
  village: 'Thôn Đông',
  person: { name: 'Bà Tư', ageBand: '60plus', gender: 'female', phone: '0912345678' },
  services: [{ kind: 'walkthrough', id: 'vneid-install' }],
  outcome: 'done',
  minutes: 15,
  consent: true,
};

async function rawText(): Promise<string> {
  const db = database();
  const dump = await Promise.all(db.tables.map((table) => table.toArray()));
  return JSON.stringify(dump);
}

describe('team visit log on the device', () => {
  let key: CryptoKey;
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
    key = await createTeamVault(accountId, 'tổ số 1', 1_000);
  });

  it('a wrong passphrase does not open the vault; the right one does', async () => {
    await expect(unlockTeamVault(accountId, 'tổ số 2')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const again = await unlockTeamVault(accountId, 'tổ số 1');
    const draftId = await saveDraft(key, owner, values);
    expect((await readDraft(again, draftId))?.values).toEqual(values);
  });

  it('keeps personal fields sealed in drafts and versions', async () => {
    const draftId = await saveDraft(key, owner, { ...values, note: 'nhà cạnh chợ' });
    const text = await rawText();
    for (const secret of ['Bà Tư', '0912345678', 'Thôn Đông', 'nhà cạnh chợ', '60plus']) {
      expect(text).not.toContain(secret);
    }
    await finalizeDraft(key, draftId, context);
    const after = await rawText();
    for (const secret of ['Bà Tư', '0912345678', 'Thôn Đông', 'nhà cạnh chợ', 'female']) {
      expect(after).not.toContain(secret);
    }
    expect(after).toContain('vneid-install');
  });

  it('finalizes a draft into version 1 waiting to be sent, and remembers the place', async () => {
    const draftId = await saveDraft(key, owner, values);
    const version = await finalizeDraft(key, draftId, context);
    expect(version).toMatchObject({
      version: 1,
      amends: null,
      teamId,
      deviceId,
      village: 'Thôn Đông',
    });
    const listing = await listVisits(owner);
    expect(listing.drafts).toEqual([]);
    expect(listing.heads.map((h) => [h.version, h.state])).toEqual([[1, 'waiting']]);
    expect(await readVersion(key, listing.heads[0]!)).toEqual(version);
    expect(await lastPlace(key, accountId)).toEqual({ communeCode: '00004', village: 'Thôn Đông' });
  });

  it('refuses an incomplete draft with the fields to fix, writing nothing', async () => {
    const draftId = await saveDraft(key, owner, {
      ...values,
      outcome: 'partly',
      consent: false,
      services: [],
    });
    const error = await finalizeDraft(key, draftId, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisitInvalidError);
    expect((error as VisitInvalidError).fields).toEqual(
      expect.arrayContaining(['services', 'consent']),
    );
    const listing = await listVisits(owner);
    expect(listing.drafts).toHaveLength(1);
    expect(listing.heads).toEqual([]);
  });

  it('an amendment names the version it amends and becomes the head', async () => {
    const first = await finalizeDraft(key, await saveDraft(key, owner, values), context);
    expect((await database().outbox.toArray()).map((r) => [r.kind, r.recordId])).toEqual([
      ['visit-version', `${first.visitId}:1`],
    ]);
    // The server stored it: the volunteer's store settles the batch that carried it.
    await database().credentials.put({
      profileId: 'p1',
      accountId,
      displayName: 'Chị Lan',
      accessToken: 'a',
      refreshToken: 'r',
      pullCursor: 0,
    });
    const store = createDexieSyncStore(database(), { kind: 'account', profileId: 'p1' }, () => key);
    await store.settleUpTo({ highWater: (await store.pendingRecords(10)).highWater, refused: [] });
    const amendId = await startAmendment(key, first.visitId);
    const draft = await readDraft(key, amendId);
    expect(draft?.row.amends).toBe(1);
    await saveDraft(key, owner, { ...draft!.values, minutes: 30 }, draft!.row);
    const second = await finalizeDraft(key, amendId, context);
    expect(second).toMatchObject({ visitId: first.visitId, version: 2, amends: 1, minutes: 30 });
    const listing = await listVisits(owner);
    expect(listing.heads.map((h) => [h.version, h.state])).toEqual([[2, 'waiting']]);
    expect((await database().outbox.toArray()).map((r) => r.recordId)).toEqual([
      `${first.visitId}:2`,
    ]);
  });

  it('deletes a draft, and keeps versions pulled from the server without duplicates', async () => {
    const draftId = await saveDraft(key, owner, values);
    await deleteDraft(draftId);
    expect((await listVisits(owner)).drafts).toEqual([]);
    const record = {
      ...values,
      visitId: '019a9c2e-7f00-7000-8000-00000000000a',
      version: 1,
      amends: null,
      teamId,
      deviceId,
      recordedAt: '2026-11-20T08:00:00.000Z',
      consent: true as const,
      consentVersion: 'v1',
      outcome: 'done' as const,
      minutes: 15,
    };
    const stored = {
      key: 'k1',
      status: 'head' as const,
      pushedBy: { accountId, displayName: 'Lan' },
      receivedAt: '2026-11-20T09:00:00.000Z',
      record,
    };
    expect(await storePulled(key, accountId, [stored])).toBe(1);
    expect(await storePulled(key, accountId, [stored])).toBe(0);
    const [head] = (await listVisits(owner)).heads;
    expect(head?.state).toBe('sent');
    expect(await readVersion(key, head!)).toEqual(record);
  });

  it('signing out wipes the account’s drafts, versions and vault', async () => {
    await finalizeDraft(key, await saveDraft(key, owner, values), context);
    await saveDraft(key, owner, values);
    await database().teamMemberships.put({ accountId, teams: [], checkedAt: '2026-11-20' });
    await wipeTeamData(accountId);
    const db = database();
    expect(await db.visitDrafts.count()).toBe(0);
    expect(await db.visitVersions.count()).toBe(0);
    expect(await db.teamVaults.count()).toBe(0);
    expect(await db.teamMemberships.count()).toBe(0);
  });
});
