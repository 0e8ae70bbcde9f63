import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, newSalt } from '../../src/lib/vault';
import type { Database } from '../db/database';
import { testBackends } from '../testing';
import {
  discardPhones,
  expectEventsConverged,
  faultAccount,
  faultPhone,
  faultRunOptions,
  FaultyNetwork,
  FAULT_SCHEDULES,
  FAULT_TIMEOUT_MS,
  nextPhoneAddress,
  runSchedule,
  usesCarryPhone,
  faultSchedule,
  settle,
} from '../testkit/faultSchedules';
import { carryPhone, expectCarriedConverged, type CarryFate } from '../testkit/faultCarry';
import { expectVisitsSettled, teamLedBy } from '../testkit/faultVisits';
import {
  startServersOnFreshSchema,
  type ServerCluster,
  type ServerProcess,
} from '../testkit/processes';

/**
 * Issue 15, several servers: the fault test's schedules with every request of two phones spread
 * over three `npm start` processes on one PostgreSQL, as behind a load balancer. Nothing a push
 * or a pull needs may live in one process's memory: every event and visit version must still
 * arrive exactly once and both phones converge with the server.
 */
const onPostgres = (await testBackends()).includes('postgres');
const schedule = faultSchedule({ restarts: false, maxLength: 20 });

/** Requests per server process over the whole run: each one must have carried its share. */
const served = [0, 0, 0];
/** Carried files made, by what became of them, over every schedule. */
const fates: Record<CarryFate, number> = { now: 0, twice: 0, late: 0, never: 0 };

describe.skipIf(!onPostgres)('sync under random faults over three server processes', () => {
  let servers: ServerProcess[] = [];
  let db: Database;
  let cluster: ServerCluster | undefined;
  let key: CryptoKey;

  beforeAll(async () => {
    key = await deriveKey('mật khẩu của tổ', newSalt(), 1_000);
    // Each phone comes from its own address, as through the proxy in front of the servers.
    cluster = await startServersOnFreshSchema({ TRUST_PROXY: '127.0.0.1' });
    ({ servers, db } = cluster);
  }, 900_000);
  afterAll(() => cluster?.close());

  /** A phone's way to the load balancer: each request to the next server, from its address. */
  const network = () => {
    let next = 0;
    const address = nextPhoneAddress();
    return new FaultyNetwork((url, init) => {
      const index = next++ % servers.length;
      served[index]! += 1;
      const headers = new Headers(init?.headers);
      headers.set('x-forwarded-for', address);
      return fetch(`${servers[index]!.url}${url.pathname}${url.search}`, { ...init, headers });
    });
  };

  it(
    `delivers every event and visit version exactly once and converges, over ${FAULT_SCHEDULES} schedules`,
    { timeout: FAULT_TIMEOUT_MS },
    async () => {
      let schedules = 0;
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(schedule, async (commands) => {
          schedules += 1;
          const { accountId, token } = await faultAccount(db);
          const teamId = await teamLedBy(db, accountId);
          const owner = { accountId, token, profileId: randomUUID(), teamId };
          const phones = await Promise.all(
            [0, 1].map((i) => faultPhone(owner, `spread-${schedules}-${i}`, network(), key)),
          );
          const carry = usesCarryPhone(commands)
            ? await carryPhone(`spread-carry-${schedules}`, network())
            : undefined;
          try {
            await runSchedule(
              commands,
              owner,
              phones,
              key,
              async () => {
                throw new Error('the schedules over several servers never restart one');
              },
              carry,
            );
            await settle(phones, carry);
            await expectEventsConverged(db, accountId, phones);
            if (carry)
              await expectCarriedConverged(
                db,
                carry,
                phones.map((p) => p.db),
              );
            await expectVisitsSettled(db, teamId, phones);
          } finally {
            for (const fate of Object.keys(fates) as CarryFate[])
              fates[fate] += carry?.fates[fate] ?? 0;
            await discardPhones(phones, carry);
          }
        }),
        faultRunOptions,
      );
      console.log(
        `fault injection over 3 server processes: ${schedules} schedules converged in ` +
          `${Math.round((Date.now() - started) / 1000)} s; requests per process: ${served.join(', ')}; ` +
          `carried files (now, twice, late, never): ${Object.values(fates).join(', ')}`,
      );
      expect(schedules).toBeGreaterThanOrEqual(FAULT_SCHEDULES);
      expect(Math.min(...served)).toBeGreaterThan(0);
      expect(Math.min(...Object.values(fates))).toBeGreaterThan(0);
    },
  );
});
