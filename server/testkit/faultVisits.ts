import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { HocSoDatabase } from '../../src/data/db';
import { getDeviceId } from '../../src/data/meta';
import type { VisitDraftValues } from '../../src/data/visitParts';
import { finalizeVisit } from '../../src/data/visits';
import type { Database } from '../db/database';
import { createOrganisation } from '../services/organisations';

/** Whose phones a fault schedule drives: one account, signed in on both, leading a team. */
export interface PhoneOwner {
  accountId: string;
  token: string;
  profileId: string;
  teamId: string;
}

/** A phone of a fault schedule: what it logged, to compare with what the server holds. */
export interface LoggingPhone {
  db: HocSoDatabase;
  /** `visitId:version` of every visit version this phone finalized. */
  visits: string[];
}

/** A visit as the form holds it; `minutes` tells the versions apart. */
const visitValues = (minutes: number): VisitDraftValues => ({
  date: '2026-11-20',
  communeCode: '00004',
  village: 'Tổ 5',
  person: { ageBand: '60plus', gender: 'female' },
  services: [{ kind: 'other', text: 'Cài Zalo' }],
  outcome: 'done',
  minutes,
  consent: true,
});

/** A team the account starts, and so leads: a leader logs visits too. */
export async function teamLedBy(db: Database, accountId: string): Promise<string> {
  const team = await createOrganisation(
    db,
    { accountId, isSystemAdmin: false },
    { kind: 'team', name: 'Tổ thử lỗi', communeCode: '00004' },
  );
  if (!team.ok) throw new Error(`could not start a team: ${team.code}`);
  return team.value.id;
}

/** Signs the owner's profile in on a phone, with the team it logs visits for. */
export async function signInPhone(local: HocSoDatabase, owner: PhoneOwner): Promise<void> {
  await local.profiles.add({ id: owner.profileId, name: 'Fault', createdAt: 'x' });
  await local.credentials.add({
    profileId: owner.profileId,
    accountId: owner.accountId,
    displayName: 'Fault',
    accessToken: owner.token,
    refreshToken: 'not used',
    pullCursor: 0,
  });
  await local.teamMemberships.add({
    accountId: owner.accountId,
    teams: [{ teamId: owner.teamId, name: 'Tổ thử lỗi', role: 'team_leader' }],
    checkedAt: new Date().toISOString(),
  });
}

/** A new visit, or an amendment of the latest version the phone has of its oldest visit. */
export async function logVisit(
  key: CryptoKey,
  owner: PhoneOwner,
  phone: LoggingPhone,
  amend: boolean,
  minutes: number,
): Promise<void> {
  // The oldest visit the phone knows: both phones amend the same one once they both know it,
  // so rival amendments (conflicts) happen, not only visits that never clash.
  const versions = await phone.db.visitVersions.toArray();
  const byAge = [...versions].sort((a, b) => a.plain.recordedAt.localeCompare(b.plain.recordedAt));
  const first = byAge[0]?.visitId;
  const head = versions.filter((v) => v.visitId === first).sort((a, b) => b.version - a.version)[0];
  const version = await finalizeVisit(
    key,
    {
      accountId: owner.accountId,
      teamId: owner.teamId,
      visitId: amend && head ? head.visitId : randomUUID(),
      amends: amend && head ? head.version : null,
    },
    visitValues(minutes),
    { deviceId: await getDeviceId(phone.db), consentVersion: '2026-01' },
    phone.db,
  );
  phone.visits.push(`${version.visitId}:${version.version}`);
}

/**
 * Every visit version each phone finalized is on the server exactly once; each visit has one
 * head; a version the server flagged as a rival shows as a conflict on the phone that logged
 * it, every other one as sent. Returns how many versions were flagged.
 */
export async function expectVisitsSettled(
  db: Database,
  teamId: string,
  phones: LoggingPhone[],
): Promise<number> {
  const rows = await db.query<{ id: string; device: string; status: string }>(
    `SELECT visit_id || ':' || version AS id, record->>'deviceId' AS device, status
     FROM team_visit_versions WHERE team_id = $1`,
    [teamId],
  );
  const devices = await Promise.all(phones.map((p) => getDeviceId(p.db)));
  const logged = phones.flatMap((p, i) => p.visits.map((id) => `${devices[i]} ${id}`));
  expect(rows.map((r) => `${r.device} ${r.id}`).sort()).toEqual(logged.sort());
  const heads = new Map<string, number>();
  for (const r of rows) {
    const visitId = r.id.split(':')[0]!;
    heads.set(visitId, (heads.get(visitId) ?? 0) + (r.status === 'head' ? 1 : 0));
  }
  expect([...heads.values()].every((n) => n === 1)).toBe(true);
  let flaggedCount = 0;
  for (const [i, phone] of phones.entries()) {
    const device = devices[i]!;
    const flagged = new Set(
      rows.filter((r) => r.device === device && r.status === 'conflict').map((r) => r.id),
    );
    flaggedCount += flagged.size;
    const own = (await phone.db.visitVersions.toArray()).filter((v) => v.plain.deviceId === device);
    expect(own.map((v) => `${v.visitId}:${v.version}`).sort()).toEqual([...phone.visits].sort());
    for (const v of own) {
      const id = `${v.visitId}:${v.version}`;
      expect(v.state, id).toBe(flagged.has(id) ? 'conflict' : 'sent');
    }
  }
  return flaggedCount;
}
