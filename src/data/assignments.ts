import { isPastDue } from '../domain/assignments';
import { vietnamDay } from '../domain/vietnamTime';
import { newEventId } from '../lib/ids';
import {
  assignmentKind,
  type AssignedItem,
  type AssignmentRecord,
  type AssignmentTarget,
} from '../protocol';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import { getDeviceId } from './meta';
import type { AssignmentRow, OrgMembershipsRow } from './rows';

/** The account on this phone that makes the record, as the server will name it. */
export interface Maker {
  accountId: string;
  displayName: string;
}

/** A due date before today: refused on the phone as the server would refuse it. */
export class PastDueDateError extends Error {
  override name = 'PastDueDateError';
  constructor(readonly dueDate: string) {
    super(`The due date ${dueDate} is before today`);
  }
}

/** A start after the due date: refused on the phone as the server would refuse it. */
export class DueBeforeStartError extends Error {
  override name = 'DueBeforeStartError';
  constructor() {
    super('The due date is before the start');
  }
}

/** Keeps a record the account made and puts it in the outbox, in one transaction. */
async function keep(db: HocSoDatabase, maker: Maker, record: AssignmentRecord): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', db.assignments, db.outbox, async () => {
      await db.assignments.add({
        accountId: maker.accountId,
        id: record.id,
        organisationId: record.organisationId,
        record,
        madeBy: maker,
        state: 'waiting',
      });
      await db.outbox.add({
        kind: assignmentKind.kind,
        recordId: record.id,
        createdAt: record.madeAt,
        state: 'pending',
      });
    }),
  );
}

/**
 * Gives a course or walkthrough to a class (or agency) or one of its learners: kept on the phone
 * and waiting for the sync engine, so it works offline. A due date before today is refused
 * with `PastDueDateError` and nothing is written.
 */
export async function assign(
  maker: Maker,
  input: {
    organisationId: string;
    item: AssignedItem;
    target: AssignmentTarget;
    dueDate: string | null;
    startDate?: string;
    renewal?: 'yearly';
  },
  now = new Date(),
  db = database(),
): Promise<void> {
  if (isPastDue(input.dueDate, vietnamDay(now))) throw new PastDueDateError(input.dueDate!);
  if (input.startDate && input.dueDate !== null && input.dueDate < input.startDate) {
    throw new DueBeforeStartError();
  }
  await keep(db, maker, {
    id: newEventId(),
    deviceId: await getDeviceId(db),
    madeAt: now.toISOString(),
    action: 'assign',
    ...input,
  });
}

/** Takes an assignment back with a later record; the assignment itself is never changed. */
export async function withdraw(
  maker: Maker,
  assignment: { organisationId: string; id: string },
  db = database(),
): Promise<void> {
  await keep(db, maker, {
    id: newEventId(),
    deviceId: await getDeviceId(db),
    organisationId: assignment.organisationId,
    madeAt: new Date().toISOString(),
    action: 'withdraw',
    assignmentId: assignment.id,
  });
}

/** Frees one person from an assignment (a programme), with the admin's reason: a later record. */
export async function exempt(
  maker: Maker,
  input: { organisationId: string; assignmentId: string; accountId: string; reason: string },
  db = database(),
): Promise<void> {
  await keep(db, maker, {
    id: newEventId(),
    deviceId: await getDeviceId(db),
    madeAt: new Date().toISOString(),
    action: 'exempt',
    ...input,
  });
}

/** Keeps the organisations the server says the account is in, for screens offline. */
export async function saveOrgMemberships(row: OrgMembershipsRow, db = database()): Promise<void> {
  await guardStorage(() => db.orgMemberships.put(row));
}

export async function getOrgMemberships(
  accountId: string,
  db = database(),
): Promise<OrgMembershipsRow | undefined> {
  return db.orgMemberships.get(accountId);
}

/** Every assignment record an account holds in one organisation, or in all of them. */
export async function assignmentRows(
  accountId: string,
  organisationId?: string,
  db = database(),
): Promise<AssignmentRow[]> {
  const rows = await db.assignments.where('accountId').equals(accountId).toArray();
  return organisationId ? rows.filter((row) => row.organisationId === organisationId) : rows;
}

/**
 * Signing out removes what the account made and pulled in its classes and agencies, the
 * memberships that name them, and its assignments still waiting in the outbox.
 */
export async function wipeAssignmentData(accountId: string, db = database()): Promise<void> {
  await db.transaction('rw', db.assignments, db.orgMemberships, db.outbox, async () => {
    const ids = await db.assignments.where('accountId').equals(accountId).primaryKeys();
    await db.outbox
      .where('[kind+recordId]')
      .anyOf(ids.map(([, id]) => [assignmentKind.kind, id]))
      .delete();
    await db.assignments.where('accountId').equals(accountId).delete();
    await db.orgMemberships.delete(accountId);
  });
}
