import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, newSalt } from '../../src/lib/vault';
import type { Database } from '../db/database';
import { testBackends } from '../testing';
import {
  convergesUnderFaults,
  emptyTally,
  fatesLine,
  type FaultTarget,
} from '../testkit/faultProperty';
import {
  faultRunOptions,
  FaultyNetwork,
  FAULT_SCHEDULES,
  FAULT_TIMEOUT_MS,
  nextPhoneAddress,
  faultSchedule,
} from '../testkit/faultSchedules';
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
      const tally = emptyTally();
      const started = Date.now();
      const target: FaultTarget = {
        db,
        network,
        key,
        restart: async () => {
          throw new Error('the schedules over several servers never restart one');
        },
        name: 'spread',
      };
      await fc.assert(convergesUnderFaults(schedule, target, tally), faultRunOptions);
      console.log(
        `fault injection over 3 server processes: ${tally.schedules} schedules converged in ` +
          `${Math.round((Date.now() - started) / 1000)} s; requests per process: ${served.join(', ')}; ` +
          `carried files (now, twice, late, never): ${fatesLine(tally)}`,
      );
      expect(tally.schedules).toBeGreaterThanOrEqual(FAULT_SCHEDULES);
      expect(Math.min(...served)).toBeGreaterThan(0);
      expect(Math.min(...Object.values(tally.fates))).toBeGreaterThan(0);
    },
  );
});
