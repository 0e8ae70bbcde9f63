import { randomInt, randomUUID } from 'node:crypto';
import {
  checkRoster,
  personKey,
  type ImportedLearner,
  type RosterCells,
  type RosterProblem,
  type SkippedLearner,
} from '../../src/protocol';
import type { Database, Queryable } from '../db/database';
import { issuePassword } from './accounts';
import { audit } from './audit';
import { getOrganisation, manages } from './organisations';

export type RosterImportOutcome =
  | { ok: true; value: { imported: ImportedLearner[]; skipped: SkippedLearner[] } }
  | { ok: false; code: 'forbidden' | 'not_found' | 'conflict' }
  | { ok: false; code: 'invalid_rows'; problems: RosterProblem[] };

/** "Nguyễn Văn An" as "annv": the given name, then the initials of the others, in ASCII. */
function usernameStem(fullName: string): string {
  const words = fullName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const given = words.at(-1) ?? '';
  const stem = `${given.slice(0, 20)}${words
    .slice(0, -1)
    .map((w) => w[0])
    .join('')
    .slice(0, 6)}`;
  // A username holds a letter (so it is never read as a phone number): "hs" is "học sinh".
  return /[a-z]/.test(stem) ? stem : `hs${stem}`;
}

/** Usernames free in the database and distinct from each other: the stem and four digits. */
export async function freeUsernames(
  db: Queryable,
  learners: readonly { fullName: string }[],
): Promise<string[]> {
  const chosen: (string | null)[] = learners.map(() => null);
  const taken = new Set<string>();
  for (let attempt = 0; chosen.includes(null); attempt += 1) {
    if (attempt === 20) throw new Error('No free usernames after 20 attempts');
    const open = chosen.flatMap((name, index) => (name === null ? [index] : []));
    const candidates = open.map(
      (index) => `${usernameStem(learners[index]!.fullName)}${randomInt(1000, 10000)}`,
    );
    const existing = await db.query<{ username: string }>(
      `SELECT username FROM accounts WHERE username = ANY($1::text[])`,
      [candidates],
    );
    for (const row of existing) taken.add(row.username);
    open.forEach((index, i) => {
      const candidate = candidates[i]!;
      if (taken.has(candidate)) return;
      taken.add(candidate);
      chosen[index] = candidate;
    });
  }
  return chosen as string[];
}

/** A username or phone taken since it was checked: the transaction stops and nothing stays. */
export class TakenMeanwhile extends Error {}

/** The rows (by their row number) whose phone already has an account. */
export async function phonesTaken(
  db: Queryable,
  people: readonly { row: number; phone: string | null }[],
): Promise<RosterProblem[]> {
  const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
  const taken = new Set(
    (
      await db.query<{ phone: string }>(`SELECT phone FROM accounts WHERE phone = ANY($1)`, [
        phones,
      ])
    ).map((r) => r.phone),
  );
  return people.flatMap((p): RosterProblem[] =>
    p.phone && taken.has(p.phone) ? [{ row: p.row, problem: 'phone_taken' }] : [],
  );
}

export interface NewAccounts {
  ids: string[];
  usernames: string[];
  passwords: string[];
}

/** Free usernames, initial passwords and ids for people about to get accounts. */
export async function prepareAccounts(
  db: Queryable,
  people: readonly { fullName: string }[],
): Promise<NewAccounts & { hashes: string[] }> {
  const usernames = await freeUsernames(db, people);
  const issued = await Promise.all(people.map(() => issuePassword()));
  return {
    ids: people.map(() => randomUUID()),
    usernames,
    passwords: issued.map((p) => p.password),
    hashes: issued.map((p) => p.passwordHash),
  };
}

/**
 * Creates every account with the given role in an organisation, inside the caller's
 * transaction; throws TakenMeanwhile (so nothing stays) when any username or phone was taken.
 */
export async function insertMembers(
  tx: Queryable,
  orgId: string,
  role: 'learner',
  people: readonly { fullName: string; phone: string | null; birthYear?: number }[],
  accounts: NewAccounts & { hashes: string[] },
): Promise<void> {
  const inserted = await tx.query(
    `INSERT INTO accounts (id, username, phone, display_name, password_hash, birth_year)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
       $6::smallint[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      accounts.ids,
      accounts.usernames,
      people.map((p) => p.phone),
      people.map((p) => p.fullName),
      accounts.hashes,
      people.map((p) => p.birthYear ?? null),
    ],
  );
  if (inserted.length !== people.length) throw new TakenMeanwhile();
  await tx.query(
    `INSERT INTO memberships (account_id, organisation_id, role)
     SELECT id, $2, $3 FROM unnest($1::uuid[]) AS id`,
    [accounts.ids, orgId, role],
  );
}

/**
 * A class's teacher enrols a whole roster: one learner account per row (a generated username and
 * initial password, returned once and stored only as a hash), all in one transaction. A roster
 * with any problem (the rows' own, or a phone that already has an account) imports nothing.
 */
export async function importRoster(
  db: Database,
  actorId: string,
  orgId: string,
  rows: RosterCells[],
): Promise<RosterImportOutcome> {
  const org = await getOrganisation(db, orgId);
  if (!org) return { ok: false, code: 'not_found' };
  if (org.kind !== 'class' || !(await manages(db, actorId, org)))
    return { ok: false, code: 'forbidden' };
  const checked = checkRoster(rows, new Date().getUTCFullYear());
  if (!checked.ok) return { ok: false, code: 'invalid_rows', problems: checked.problems };
  // The rule for a file imported again: a row whose name and year are those of a learner the
  // class already enrolled from a roster is that learner, skipped ("đã có"), never doubled.
  const enrolled = new Set(
    (
      await db.query<{ display_name: string; birth_year: number }>(
        `SELECT a.display_name, a.birth_year FROM memberships m
         JOIN accounts a ON a.id = m.account_id
         WHERE m.organisation_id = $1 AND m.role = 'learner' AND a.birth_year IS NOT NULL`,
        [orgId],
      )
    ).map((r) => personKey(r.display_name, Number(r.birth_year))),
  );
  const skipped = checked.learners
    .filter((l) => enrolled.has(personKey(l.fullName, l.birthYear)))
    .map((l) => ({ row: l.row, displayName: l.fullName, birthYear: l.birthYear }));
  const learners = checked.learners.filter(
    (l) => !enrolled.has(personKey(l.fullName, l.birthYear)),
  );
  if (learners.length === 0) return { ok: true, value: { imported: [], skipped } };
  const problems = await phonesTaken(db, learners);
  if (problems.length > 0) return { ok: false, code: 'invalid_rows', problems };

  const accounts = await prepareAccounts(db, learners);
  try {
    await db.transaction(async (tx) => {
      await insertMembers(tx, orgId, 'learner', learners, accounts);
      await audit(tx, actorId, 'roster_imported', orgId, {
        learners: learners.length,
        skipped: skipped.length,
      });
    });
  } catch (error) {
    if (error instanceof TakenMeanwhile) return { ok: false, code: 'conflict' };
    throw error;
  }
  return {
    ok: true,
    value: {
      imported: learners.map((l, i) => ({
        accountId: accounts.ids[i]!,
        displayName: l.fullName,
        birthYear: l.birthYear,
        username: accounts.usernames[i]!,
        password: accounts.passwords[i]!,
      })),
      skipped,
    },
  };
}
