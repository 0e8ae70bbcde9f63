import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Database } from '../db/database';
import { carryPhone, expectCarriedConverged, type CarryFate } from './faultCarry';
import {
  discardPhones,
  expectEventsConverged,
  faultAccount,
  faultPhone,
  runSchedule,
  settle,
  usesCarryPhone,
  type Command,
  type FaultyNetwork,
} from './faultSchedules';
import { expectVisitsSettled, teamLedBy } from './faultVisits';

/** What a fault run plays its schedules against: one server in this process, or several. */
export interface FaultTarget {
  /** The database the server(s) write to, read to check what arrived. */
  db: Database;
  /** A new phone's way to the server(s). */
  network: () => FaultyNetwork;
  /** The team's key the phones seal visits with. */
  key: CryptoKey;
  /** Restarts the server when a schedule asks for it. */
  restart: () => Promise<void>;
  /** Begins the name of every phone's local database, so that runs side by side never share one. */
  name: string;
}

/** What a run saw over all its schedules, for its closing line and its "was it exercised" checks. */
export interface FaultTally {
  schedules: number;
  /** Visit versions the server flagged as rivals. */
  rivals: number;
  /** Carried files made, by what became of them. */
  fates: Record<CarryFate, number>;
}

export const emptyTally = (): FaultTally => ({
  schedules: 0,
  rivals: 0,
  fates: { now: 0, twice: 0, late: 0, never: 0 },
});

/** "now, twice, late, never" counts, as the runs print them. */
export const fatesLine = (tally: FaultTally) => Object.values(tally.fates).join(', ');

/**
 * The property every fault run asserts, one schedule at a time: two phones of one account (and
 * a carry phone when the schedule carries) play it through a faulty network, then settle; every
 * event and visit version is then on the server exactly once and every device agrees with it.
 */
export function convergesUnderFaults(
  schedule: fc.Arbitrary<Command[]>,
  target: FaultTarget,
  tally: FaultTally,
) {
  return fc.asyncProperty(schedule, async (commands) => {
    tally.schedules += 1;
    const run = `${target.name}-${tally.schedules}`;
    const { db } = target;
    const { accountId, token } = await faultAccount(db);
    const teamId = await teamLedBy(db, accountId);
    const owner = { accountId, token, profileId: randomUUID(), teamId };
    const phones = await Promise.all(
      [0, 1].map((i) => faultPhone(owner, `${run}-${i}`, target.network(), target.key)),
    );
    const carry = usesCarryPhone(commands)
      ? await carryPhone(`${run}-carry`, target.network())
      : undefined;
    try {
      await runSchedule(commands, owner, phones, target.key, target.restart, carry);
      await settle(phones, carry);
      await expectEventsConverged(db, accountId, phones);
      if (carry)
        await expectCarriedConverged(
          db,
          carry,
          phones.map((p) => p.db),
        );
      tally.rivals += await expectVisitsSettled(db, teamId, phones);
    } finally {
      for (const fate of Object.keys(tally.fates) as CarryFate[])
        tally.fates[fate] += carry?.fates[fate] ?? 0;
      await discardPhones(phones, carry);
    }
  });
}
