import { newEventId } from '../lib/ids';
import type { AssignedItem, AssignmentRecord, AssignmentTarget } from '../protocol';

/** A valid assignment of a course to a whole organisation, made now, for tests. */
export function testAssignment(
  deviceId: string,
  organisationId: string,
  options: { item?: AssignedItem; target?: AssignmentTarget; dueDate?: string | null } = {},
): Extract<AssignmentRecord, { action: 'assign' }> {
  return {
    id: newEventId(),
    deviceId,
    organisationId,
    madeAt: new Date().toISOString(),
    action: 'assign',
    item: options.item ?? { kind: 'course', id: 'smartphone-basics' },
    target: options.target ?? { kind: 'organisation' },
    dueDate: options.dueDate ?? null,
  };
}

/** A valid withdrawal of an assignment, made now, for tests. */
export function testWithdrawal(
  deviceId: string,
  organisationId: string,
  assignmentId: string,
): Extract<AssignmentRecord, { action: 'withdraw' }> {
  return {
    id: newEventId(),
    deviceId,
    organisationId,
    madeAt: new Date().toISOString(),
    action: 'withdraw',
    assignmentId,
  };
}
