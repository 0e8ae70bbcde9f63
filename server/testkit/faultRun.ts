import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, newSalt } from '../../src/lib/vault';
import { buildServer } from '../app';
import type { Database } from '../db/database';
import { freshDatabase, type Backend } from '../testing';
import { convergesUnderFaults, emptyTally, fatesLine, type FaultTarget } from './faultProperty';
import {
  faultRunOptions,
  FaultyNetwork,
  FAULT_SCHEDULES,
  FAULT_TIMEOUT_MS,
  nextPhoneAddress,
  faultSchedule,
} from './faultSchedules';

const schedule = faultSchedule({ restarts: true, maxLength: 25 });

/**
 * Issue 11's fault injection on one database, with the server in this process (restarted now
 * and then): `server/faults.test.ts` runs it on PGlite and `server/faultsPostgres.test.ts` on
 * PostgreSQL, two files so that the two runs go side by side.
 */
export function describeFaultRun(backend: Backend, { skip = false } = {}) {
  describe.skipIf(skip)(
    `sync under random faults, two devices of one account, on ${backend}`,
    () => {
      /** How often a phone asked for its mark after a lost answer, over every schedule. */
      let markReads = 0;
      let db: Database;
      let server: FastifyInstance;
      let key: CryptoKey;

      beforeAll(async () => {
        key = await deriveKey('mật khẩu của tổ', newSalt(), 1_000);
        db = await freshDatabase(backend);
        server = await buildServer({ db });
      });
      afterAll(async () => {
        await server.close();
        await db.close();
      });

      /** The server as a phone reaches it, in-process, from its own address, counting mark reads. */
      const network = () => {
        const remoteAddress = nextPhoneAddress();
        return new FaultyNetwork(async (url, init) => {
          if (url.pathname === '/api/sync/mark') markReads += 1;
          const answer = await server.inject({
            remoteAddress,
            method: (init?.method ?? 'GET') as 'GET' | 'POST',
            url: url.pathname + url.search,
            headers: init?.headers as Record<string, string>,
            payload: init?.body as string | undefined,
          });
          return new Response(answer.body, { status: answer.statusCode });
        });
      };

      it(
        `delivers every event and visit version exactly once and converges, over ${FAULT_SCHEDULES} random schedules`,
        { timeout: FAULT_TIMEOUT_MS },
        async () => {
          const tally = emptyTally();
          const target: FaultTarget = {
            db,
            network,
            key,
            restart: async () => {
              await server.close();
              server = await buildServer({ db });
            },
            name: `fault-${backend}`,
          };
          await fc.assert(convergesUnderFaults(schedule, target, tally), faultRunOptions);
          console.log(
            `fault injection on ${backend}: ${tally.schedules} schedules ran, every one converged; ` +
              `phones asked the server for their mark ${markReads} times after a lost answer; ` +
              `${tally.rivals} visit versions were flagged as rivals; carried files ` +
              `(now, twice, late, never): ${fatesLine(tally)}`,
          );
          expect(tally.schedules).toBeGreaterThanOrEqual(FAULT_SCHEDULES);
          // The resume path is exercised, not only the resend path.
          expect(markReads).toBeGreaterThan(0);
          // Two phones amending the same visit is exercised, not only visits that never clash.
          expect(tally.rivals).toBeGreaterThan(0);
          // Every fate of a carried file is exercised.
          expect(Math.min(...Object.values(tally.fates))).toBeGreaterThan(0);
        },
      );
    },
  );
}
