import { open, seal, type SealedBlob } from '../lib/vault';
import { newRandomId } from '../lib/ids';
import { visitVersionId, visitVersionKind } from '../protocol/records/visitVersions';
import { visitReviewKind } from '../protocol/records/visitReviews';
import { Dexie } from 'dexie';
import { visitVersionSchema, type StoredVisitVersion, type VisitVersion } from '../protocol/visits';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { VisitDraftRow, VisitVersionRow } from './rows';
import {
  joinVersion,
  splitDraft,
  splitVersion,
  type VisitDraftSecret,
  type VisitDraftValues,
  type VisitSecret,
} from './visitParts';

/** A draft cannot be finalized as it is: `issues` name the fields to fix; nothing was written. */
export class VisitInvalidError extends Error {
  override name = 'VisitInvalidError';
  constructor(readonly fields: string[]) {
    super(`The visit is not complete: ${fields.join(', ')}`);
  }
}

export interface DraftOwner {
  accountId: string;
  teamId: string;
}

/** Saves (or updates) a draft; its personal part is sealed. Returns the draft id. */
export async function saveDraft(
  key: CryptoKey,
  owner: DraftOwner,
  values: VisitDraftValues,
  existing?: { draftId: string; visitId: string; amends: number | null },
): Promise<string> {
  const { plain, secret } = splitDraft(values);
  const row: VisitDraftRow = {
    draftId: existing?.draftId ?? newRandomId(),
    visitId: existing?.visitId ?? newRandomId(),
    amends: existing?.amends ?? null,
    ...owner,
    updatedAt: new Date().toISOString(),
    plain,
    secret: await seal(key, secret),
  };
  await guardStorage(() => database().visitDrafts.put(row));
  return row.draftId;
}

export async function readDraft(
  key: CryptoKey,
  draftId: string,
): Promise<{ row: VisitDraftRow; values: VisitDraftValues } | null> {
  const row = await database().visitDrafts.get(draftId);
  if (!row) return null;
  const secret = await open<VisitDraftSecret>(key, row.secret);
  return { row, values: { ...row.plain, ...secret } };
}

export async function deleteDraft(draftId: string): Promise<void> {
  await database().visitDrafts.delete(draftId);
}

/** Every version of a visit on this device, oldest first. */
export async function versionsOf(visitId: string): Promise<VisitVersionRow[]> {
  return database().visitVersions.where('visitId').equals(visitId).sortBy('version');
}

/** What finalizing needs besides the form: who, which team, which visit and what it amends. */
export interface FinalizeTarget extends DraftOwner {
  visitId: string;
  amends: number | null;
  /** The draft to forget once the version is written, if the form was saved before. */
  draftId?: string;
}

/** Checks form values as a version; the fields to fix, or the version. Writes nothing. */
export function checkVisit(
  target: FinalizeTarget,
  values: VisitDraftValues,
  context: { deviceId: string; consentVersion: string },
): { ok: true; version: VisitVersion } | { ok: false; fields: string[] } {
  const candidate = {
    ...values,
    visitId: target.visitId,
    version: target.amends === null ? 1 : target.amends + 1,
    amends: target.amends,
    teamId: target.teamId,
    deviceId: context.deviceId,
    recordedAt: new Date().toISOString(),
    consentVersion: context.consentVersion,
    person: dropEmpty(values.person),
  };
  const parsed = visitVersionSchema.safeParse(dropEmpty(candidate));
  if (parsed.success) return { ok: true, version: parsed.data };
  const fields = parsed.error.issues.map((issue) => String(issue.path[0] ?? ''));
  // The schema checks the reason only once everything else is there: say it at once with the rest.
  if (values.outcome && values.outcome !== 'done' && !values.outcomeReason?.trim()) {
    fields.push('outcomeReason');
  }
  return { ok: false, fields: [...new Set(fields)] };
}

/**
 * Turns form values into an immutable version waiting to be sent, and forgets the draft, in
 * one transaction. A version 1 amends nothing; an amendment takes the next number after the
 * version it amends. Throws VisitInvalidError (writing nothing) when something is missing.
 */
export async function finalizeVisit(
  key: CryptoKey,
  target: FinalizeTarget,
  values: VisitDraftValues,
  context: { deviceId: string; consentVersion: string },
  db: HocSoDatabase = database(),
): Promise<VisitVersion> {
  const checked = checkVisit(target, values, context);
  if (!checked.ok) throw new VisitInvalidError(checked.fields);
  const version = checked.version;
  const { plain, secret } = splitVersion(version);
  const sealed = await seal(key, secret);
  const lastVillage = await seal(key, version.village);
  await guardStorage(() =>
    db.transaction('rw', [db.visitDrafts, db.visitVersions, db.teamVaults, db.outbox], async () => {
      await db.outbox.add({
        kind: visitVersionKind.kind,
        recordId: visitVersionId(version),
        createdAt: version.recordedAt,
        state: 'pending',
      });
      await db.visitVersions.add({
        visitId: version.visitId,
        version: version.version,
        accountId: target.accountId,
        teamId: target.teamId,
        state: 'waiting',
        plain,
        secret: sealed,
      });
      if (target.draftId) await db.visitDrafts.delete(target.draftId);
      // The next visit starts where this one was: same commune, same village.
      await db.teamVaults.update(target.accountId, {
        lastCommuneCode: version.communeCode,
        lastVillage,
      });
    }),
  );
  return version;
}

/** Finalizes a saved draft (see finalizeVisit). */
export async function finalizeDraft(
  key: CryptoKey,
  draftId: string,
  context: { deviceId: string; consentVersion: string },
): Promise<VisitVersion> {
  const draft = await readDraft(key, draftId);
  if (!draft) throw new Error('No such draft');
  return finalizeVisit(key, { ...draft.row, draftId }, draft.values, context);
}

function dropEmpty<T extends object>(value: T): T {
  // Empty optional answers are left out rather than sent as "".
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}

/** Opens an amendment of the latest version on this device, as a draft naming what it amends. */
export async function startAmendment(key: CryptoKey, visitId: string): Promise<string> {
  const versions = await versionsOf(visitId);
  const head = versions.at(-1);
  if (!head) throw new Error('No such visit');
  const existing = await database()
    .visitDrafts.filter((d) => d.visitId === visitId)
    .first();
  if (existing) return existing.draftId;
  const version = await readVersion(key, head);
  const {
    visitId: _v,
    version: _n,
    amends: _a,
    teamId: _t,
    deviceId: _d,
    recordedAt: _r,
    consentVersion: _c,
    ...values
  } = version;
  return saveDraft(key, { accountId: head.accountId, teamId: head.teamId }, values, {
    draftId: newRandomId(),
    visitId,
    amends: head.version,
  });
}

export async function readVersion(key: CryptoKey, row: VisitVersionRow): Promise<VisitVersion> {
  return joinVersion(row.plain, await open<VisitSecret>(key, row.secret));
}

export interface VisitListing {
  drafts: VisitDraftRow[];
  /** The latest version of each visit on this device, newest date first. */
  heads: VisitVersionRow[];
}

export async function listVisits(owner: DraftOwner): Promise<VisitListing> {
  const db = database();
  const [drafts, versions] = await Promise.all([
    db.visitDrafts
      .where('accountId')
      .equals(owner.accountId)
      .filter((d) => d.teamId === owner.teamId)
      .toArray(),
    db.visitVersions
      .where('accountId')
      .equals(owner.accountId)
      .filter((v) => v.teamId === owner.teamId)
      .toArray(),
  ]);
  const heads = new Map<string, VisitVersionRow>();
  for (const row of versions) {
    const seen = heads.get(row.visitId);
    if (!seen || seen.version < row.version) heads.set(row.visitId, row);
  }
  return {
    drafts: drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    heads: [...heads.values()].sort((a, b) => b.plain.date.localeCompare(a.plain.date)),
  };
}

export async function countWaiting(accountId: string): Promise<number> {
  return database()
    .visitVersions.where('accountId')
    .equals(accountId)
    .filter((row) => row.state === 'waiting')
    .count();
}

/** Keeps the server's versions of this account's visits that this device does not have yet. */
export async function storePulled(
  key: CryptoKey,
  accountId: string,
  stored: StoredVisitVersion[],
  db: HocSoDatabase = database(),
): Promise<number> {
  const rows: VisitVersionRow[] = [];
  for (const { record, status } of stored) {
    const { plain, secret } = splitVersion(record);
    const sealed: SealedBlob = await seal(key, secret);
    rows.push({
      visitId: record.visitId,
      version: record.version,
      accountId,
      teamId: record.teamId,
      state: status === 'conflict' ? 'conflict' : 'sent',
      plain,
      secret: sealed,
    });
  }
  let added = 0;
  await guardStorage(() =>
    db.transaction('rw', db.visitVersions, async () => {
      for (const row of rows) {
        if (await db.visitVersions.get([row.visitId, row.version])) continue;
        await db.visitVersions.add(row);
        added += 1;
      }
    }),
  );
  return added;
}

/** Signing out removes this account's whole team log from the device: nothing is left behind. */
export async function wipeTeamData(accountId: string): Promise<void> {
  const db = database();
  const tables = [
    db.teamVaults,
    db.teamMemberships,
    db.visitDrafts,
    db.visitVersions,
    db.visitReviews,
    db.outbox,
  ];
  await db.transaction('rw', tables, async () => {
    await db.teamMemberships.delete(accountId);
    await db.visitDrafts.where('accountId').equals(accountId).delete();
    const versions = await db.visitVersions.where('accountId').equals(accountId).toArray();
    await db.outbox
      .where('[kind+recordId]')
      .anyOf(versions.map((v) => [visitVersionKind.kind, visitVersionId(v)]))
      .delete();
    await db.visitVersions.where('accountId').equals(accountId).delete();
    const reviews = await db.visitReviews
      .where('[accountId+teamId]')
      .between([accountId, Dexie.minKey], [accountId, Dexie.maxKey])
      .primaryKeys();
    await db.outbox
      .where('[kind+recordId]')
      .anyOf(reviews.map(([, id]) => [visitReviewKind.kind, id]))
      .delete();
    await db.visitReviews.bulkDelete(reviews);
    await db.teamVaults.delete(accountId);
  });
}
