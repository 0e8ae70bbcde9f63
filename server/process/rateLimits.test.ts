import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { newRandomId } from '../../src/lib/ids';
import { testBackends, testRateLimitStores, TEST_REDIS_URL } from '../testing';
import {
  startServersOnFreshSchema,
  type ServerCluster,
  type ServerProcess,
} from '../testkit/processes';

const onPostgres = (await testBackends()).includes('postgres');
const stores = await testRateLimitStores();

/**
 * Addresses of this run's own: Redis keeps its counters between runs, so a fixed address would
 * find the last run's hits still counted.
 */
const runPrefix = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
const address = (host: number) => `${runPrefix}.${host}`;

/**
 * Issue 15: three `npm start` processes on one PostgreSQL, as behind a load balancer. A limit
 * counts every attempt whichever instance it lands on, and each phone (its address as the trusted
 * proxy forwards it) has its own bucket.
 */
describe.skipIf(!onPostgres).each(stores)(
  'rate limits held across three server processes, counted in the %s',
  (store) => {
    let servers: ServerProcess[] = [];
    let cluster: ServerCluster | undefined;

    beforeAll(async () => {
      const env: Record<string, string> = { TRUST_PROXY: '127.0.0.1' };
      if (store === 'redis') env.REDIS_URL = TEST_REDIS_URL;
      cluster = await startServersOnFreshSchema(env, { migrateFirst: true });
      ({ servers } = cluster);
    }, 900_000);
    afterAll(() => cluster?.close());

    const post = (i: number, path: string, body: object, forwardedFor: string) =>
      fetch(`${servers[i % servers.length]!.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify(body),
      });

    it('refuses the 11th guess at one login, whichever instance and address it comes from', async () => {
      const login = `muc-tieu-${newRandomId().slice(0, 8)}`;
      const signUp = await post(
        0,
        '/api/auth/sign-up',
        {
          username: login,
          displayName: 'Chị Mục Tiêu',
          password: 'the real pass phrase',
        },
        address(1),
      );
      expect(signUp.status).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 13; i += 1) {
        const response = await post(
          i,
          '/api/auth/sign-in',
          { login, password: `guess ${i}!` },
          address(10 + i),
        );
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429, 429]);
      // The real owner is locked out for a while too, but no one else's login is.
      const other = await post(
        1,
        '/api/auth/sign-in',
        { login: 'someone-else', password: 'x' },
        address(99),
      );
      expect(other.status).toBe(401);
    });

    it('counts device registrations per forwarded address across the three', async () => {
      const register = (i: number, address: string) =>
        post(
          i,
          '/api/devices',
          { protocolVersion: PROTOCOL_VERSION, deviceId: newRandomId() },
          address,
        );
      const statuses: number[] = [];
      for (let i = 0; i < 61; i += 1) statuses.push((await register(i, address(207))).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(60);
      expect(statuses.at(-1)).toBe(429);
      // Another phone behind the same proxy is not held back by the first one's count.
      expect((await register(2, address(208))).status).toBe(201);
    });
  },
);
