import { learningEventKind } from '../../src/protocol';
import type { Database } from '../db/database';
import { pullEvents } from '../services/events';
import { conflictRefusals, storeEvents } from '../services/eventWriter';
import { getOrganisation, manages, memberAccountIds } from '../services/organisations';
import { ownerOfAccount, type Principal } from '../services/principal';
import type { RecordHandler } from './handler';

/** The owners whose events a pull may return: the caller's, or an organisation's members'. */
async function ownersInScope(
  db: Database,
  caller: Principal,
  scope: string | undefined,
): Promise<string[] | null> {
  if (!scope) return [caller.ownerId];
  if (caller.kind !== 'account') return null;
  const org = await getOrganisation(db, scope.slice('org:'.length));
  if (!org || !(await manages(db, caller.accountId, org))) return null;
  return (await memberAccountIds(db, org.id)).map(ownerOfAccount);
}

/**
 * Learning events are the pusher's own and append-only: stored once by id, never changed; an id
 * another owner already used is refused, never overwritten.
 */
export const learningEventHandler: RecordHandler<typeof learningEventKind> = {
  kind: learningEventKind,
  storesMark: true,

  async push(db, { caller, deviceId, records, mark }) {
    const stored = await storeEvents(db, {
      ownerId: caller.ownerId,
      events: records,
      ...(mark ? { mark: { deviceId, ...mark } } : {}),
    });
    return {
      accepted: stored.accepted,
      refused: conflictRefusals(stored.conflicts),
    };
  },

  async pull(db, { caller, scope, since, limit }) {
    const owners = await ownersInScope(db, caller, scope);
    if (!owners) return null;
    const page = await pullEvents(db, owners, since, limit);
    return {
      records: page.events.map((data) => ({ kind: learningEventKind.kind, id: data.id, data })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
};
