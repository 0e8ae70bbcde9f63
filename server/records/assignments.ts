import {
  assignmentKind,
  type AssignmentRecord,
  type Refusal,
  type RefusalReason,
} from '../../src/protocol';
import { isPastDue } from '../../src/domain/assignments';
import { vietnamDay } from '../../src/domain/vietnamTime';
import { contentTitles } from '../certificates/catalog';
import type { Database } from '../db/database';
import {
  assignmentTargets,
  pullAssignments,
  storeAssignments,
  type AssignmentToStore,
} from '../services/assignments';
import { isUnitOf } from '../services/agencyStaff';
import { getOrganisation, MANAGER_ROLE, roleIn } from '../services/organisations';
import type { Principal } from '../services/principal';
import {
  idConflicts,
  pullFromOrganisation,
  pushByOrganisation,
  type HandlerOutcome,
  type RecordHandler,
} from './handler';

const kind = assignmentKind.kind;

type Assign = Extract<AssignmentRecord, { action: 'assign' }>;
type Withdraw = Extract<AssignmentRecord, { action: 'withdraw' }>;
type Exempt = Extract<AssignmentRecord, { action: 'exempt' }>;

const refusal = (record: AssignmentRecord, reason: RefusalReason, message: string): Refusal => ({
  kind,
  id: record.id,
  reason,
  message,
});

/** The caller's standing in an organisation that takes assignments (a class or an agency). */
async function standing(db: Database, caller: Principal, organisationId: string) {
  if (caller.kind !== 'account') return null;
  const org = await getOrganisation(db, organisationId);
  if (!org || org.kind === 'team') return null;
  const role = await roleIn(db, caller.accountId, org.id);
  if (!role) return null;
  return { accountId: caller.accountId, isStaff: role === MANAGER_ROLE[org.kind] };
}

/** Why an assignment may not be stored as it is, or null when it may. */
async function assignRefusal(db: Database, record: Assign, today: string) {
  const titles = contentTitles();
  const item = record.item;
  const unknown =
    item.kind === 'programme'
      ? item.courses.find((id) => !titles.has(`course:${id}`))
      : titles.has(`${item.kind}:${item.id}`)
        ? undefined
        : item.id;
  if (unknown !== undefined) {
    return refusal(
      record,
      'unknown_item',
      `No ${item.kind === 'walkthrough' ? 'walkthrough' : 'course'} has the id ${unknown}`,
    );
  }
  if (isPastDue(record.dueDate, today)) {
    return refusal(record, 'past_due_date', `The due date ${record.dueDate} is before ${today}`);
  }
  if (
    record.startDate !== undefined &&
    record.dueDate !== null &&
    record.dueDate < record.startDate
  ) {
    return refusal(
      record,
      'due_before_start',
      `The due date ${record.dueDate} is before the start ${record.startDate}`,
    );
  }
  const target = record.target;
  if (target.kind === 'member' && !(await isLearner(db, target.accountId, record.organisationId))) {
    return refusal(record, 'not_member', 'The person named is not a learner of this organisation');
  }
  if (target.kind === 'unit' && !(await isUnitOf(db, record.organisationId, target.unitId))) {
    return refusal(record, 'not_member', 'The unit named is not one of this agency');
  }
  return null;
}

const isLearner = async (db: Database, accountId: string, organisationId: string) =>
  (await roleIn(db, accountId, organisationId)) === 'learner';

/** One organisation's records, from one of its staff: assignments first, then withdrawals. */
async function pushToOrganisation(
  db: Database,
  accountId: string,
  organisationId: string,
  records: AssignmentRecord[],
): Promise<HandlerOutcome> {
  const refused: Refusal[] = [];
  const today = vietnamDay(new Date());
  const assigns: AssignmentToStore[] = [];
  for (const record of records.filter((r): r is Assign => r.action === 'assign')) {
    const refusedOne = await assignRefusal(db, record, today);
    if (refusedOne) refused.push(refusedOne);
    else
      assigns.push({
        record,
        targetAccountId: record.target.kind === 'member' ? record.target.accountId : null,
      });
  }
  const storedAssigns = await storeAssignments(db, accountId, assigns);

  const later = records.filter(
    (r): r is Withdraw | Exempt => r.action === 'withdraw' || r.action === 'exempt',
  );
  const targets = await assignmentTargets(
    db,
    organisationId,
    later.map((w) => w.assignmentId),
  );
  const withdraws: AssignmentToStore[] = [];
  for (const record of later) {
    const target = targets.get(record.assignmentId);
    if (target === undefined) {
      refused.push(
        refusal(record, 'unknown_item', 'No assignment of this organisation has that id'),
      );
    } else if (record.action === 'withdraw') {
      withdraws.push({ record, targetAccountId: target });
    } else if (!(await isLearner(db, record.accountId, organisationId))) {
      refused.push(
        refusal(record, 'not_member', 'The person exempted is not a learner of this organisation'),
      );
    } else withdraws.push({ record, targetAccountId: record.accountId });
  }
  const storedWithdraws = await storeAssignments(db, accountId, withdraws);

  const conflicts = [...storedAssigns.conflicts, ...storedWithdraws.conflicts];
  return {
    accepted: [...storedAssigns.accepted, ...storedWithdraws.accepted],
    refused: [...refused, ...idConflicts(kind, conflicts)],
  };
}

/**
 * Assignments belong to the class or agency they name: only its teacher or agency admin pushes
 * them (anyone else is refused with `forbidden_scope`). A member pulls those for the whole
 * organisation and for themselves; its staff pull all. The scope of a pull is `org:<id>`.
 */
export const assignmentHandler: RecordHandler<typeof assignmentKind> = {
  kind: assignmentKind,

  push(db, { caller, records }) {
    return pushByOrganisation(
      records,
      (record) => record.organisationId,
      async (organisationId, group) => {
        const member = await standing(db, caller, organisationId);
        if (!member?.isStaff) {
          return {
            accepted: [],
            refused: group.map((record) =>
              refusal(
                record,
                'forbidden_scope',
                'Only a teacher of this class or an admin of this agency may assign',
              ),
            ),
          };
        }
        return pushToOrganisation(db, member.accountId, organisationId, group);
      },
    );
  },

  pull(db, { caller, scope, since, limit }) {
    return pullFromOrganisation(
      assignmentKind,
      scope,
      async (organisationId) => {
        const member = await standing(db, caller, organisationId);
        if (!member) return null;
        const memberId = member.isStaff ? null : member.accountId;
        return pullAssignments(db, organisationId, memberId, since, limit);
      },
      (assignment) => assignment.id,
    );
  },
};
