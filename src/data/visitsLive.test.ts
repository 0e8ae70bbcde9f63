import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from './db';
import { createTeamVault } from './teamVault';
import { finalizeDraft, listVisits, saveDraft, startAmendment } from './visits';

const accountId = '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01';
const teamId = '7a1c2e3d-4b5f-4a6e-8d7c-9b0a1f2e3d4c';
const owner = { accountId, teamId };
const context = { deviceId: '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f', consentVersion: 'v1' };

describe('the visit list as screens watch it', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  // Dexie's live-query cache kept a deleted draft in a list read through a compound index
  // ([accountId+teamId]) once nobody watched it for a while; this is the case that caught it.
  it('drops an amendment draft from the list once it is finalized, after a pause', async () => {
    const key = await createTeamVault(accountId, 'tổ số 1', 1_000);
    const values = {
      date: '2026-11-20',
      communeCode: '00004',
      village: 'Thôn Đông',
      person: {},
      services: [{ kind: 'course' as const, id: 'smartphone-basics' }],
      outcome: 'done' as const,
      minutes: 5,
      consent: true,
    };
    const first = await finalizeDraft(key, await saveDraft(key, owner, values), context);
    const seen: number[] = [];
    const subscription = liveQuery(() => listVisits(owner)).subscribe((l) =>
      seen.push(l.drafts.length),
    );
    await new Promise((r) => setTimeout(r, 50));
    subscription.unsubscribe();
    const draftId = await startAmendment(key, first.visitId);
    await new Promise((r) => setTimeout(r, 50));
    await finalizeDraft(key, draftId, context);
    await new Promise((r) => setTimeout(r, 50));
    const fresh = liveQuery(() => listVisits(owner));
    const after = await new Promise<number>((resolve) => {
      const s = fresh.subscribe((l) => {
        resolve(l.drafts.length);
        setTimeout(() => s.unsubscribe());
      });
    });
    expect(after).toBe(0);
  });
});
