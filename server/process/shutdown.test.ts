import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/database';
import { freshPostgresSchema, testBackends } from '../testing';
import { startServerProcess, type ServerProcess } from '../testkit/processes';

const onPostgres = (await testBackends()).includes('postgres');

describe.skipIf(!onPostgres)('a server process told to stop (SIGTERM)', () => {
  let schema = '';
  let url = '';
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    if (schema) {
      const db = await openPostgres(url);
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    }
  });

  it('answers every request in flight, then exits 0', async () => {
    ({ url, schema } = await freshPostgresSchema());
    server = await startServerProcess({ DATABASE_URL: url });
    // Sign-ups hash passwords with argon2id: slow enough to be in flight when the signal lands.
    const inFlight = Array.from({ length: 12 }, (_, i) =>
      fetch(`${server!.url}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: `dang-ky-${i}`,
          displayName: `Người ${i}`,
          password: 'a long pass phrase',
        }),
      }).then(
        (response) => response.status,
        (error: Error) => `${error.name}: ${(error.cause as Error | undefined)?.message}`,
      ),
    );
    await new Promise((done) => setTimeout(done, 30));
    const exit = server.stop('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(12).fill(201));
    expect(await exit).toBe(0);
    expect(server.output()).toContain('finishing the requests in flight');
  }, 900_000);
});
