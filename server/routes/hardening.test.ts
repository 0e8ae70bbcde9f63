import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import type { Database } from '../db/database';
import { freshDatabase, NO_LIMITS, testBackends } from '../testing';
import { COMMUNE_A, request } from '../testkit/world';

const backends = await testBackends();
const password = 'a long pass phrase';

/** Issue 15's outside probe, reproduced: every item answered with a 4xx and a clean log. */
describe.each(backends)('input the probe sent, on %s', (backend) => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let db: Database;
  let log = '';

  beforeAll(async () => {
    db = await freshDatabase(backend);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    app = await buildServer({ db, limits: NO_LIMITS, logLevel: 'info', logStream: stream });
    // A route whose query fails inside the database with a password hash among its parameters.
    app.get('/test/failing-query', async () => {
      const [row] = await db.query<{ password_hash: string }>(
        'SELECT password_hash FROM accounts LIMIT 1',
      );
      return db.query('SELECT $1::uuid', [row!.password_hash]);
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const post = (url: string, payload: object, token?: string) =>
    request(app)('POST', url, token, payload);
  const signUp = async (body: object) => post('/api/auth/sign-up', { password, ...body });

  it('refuses a NUL byte in every text field with a 400, never a 500', async () => {
    const nul = 'Bà\u0000Tư';
    expect((await signUp({ username: 'nul-name', displayName: nul })).statusCode).toBe(400);
    expect((await post('/api/auth/sign-in', { login: `ab${nul}`, password })).statusCode).toBe(400);
    const { accessToken } = (await signUp({ username: 'nul-org', displayName: 'Chị Lan' })).json();
    const org = await post(
      '/api/orgs',
      { kind: 'team', name: `Đội ${nul}`, communeCode: COMMUNE_A },
      accessToken,
    );
    expect(org.statusCode).toBe(400);
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE username = 'nul-org'`);
    const revoke = await post(
      '/api/certificates/00000000-0000-4000-8000-000000000000/revoke',
      { reason: `gian lận${nul}` },
      accessToken,
    );
    expect(revoke.statusCode).toBe(400);
  });

  it('refuses invisible formatting characters in names and stores names in NFC', async () => {
    const override = await signUp({ username: 'rlo-name', displayName: 'Lan\u202eanL' });
    expect(override.statusCode).toBe(400);
    const zeroWidth = await signUp({ username: 'zw-name', displayName: 'Lan\u200b' });
    expect(zeroWidth.statusCode).toBe(400);
    // "Tư" typed with a combining horn (NFD) is stored as the one precomposed letter.
    const decomposed = await signUp({ username: 'nfd-name', displayName: 'Tu\u031b' });
    expect(decomposed.statusCode).toBe(201);
    expect(decomposed.json().account.displayName).toBe('T\u01b0');
  });

  it('answers 400 to a scope of org: and 36 characters that are not a UUID', async () => {
    const { accessToken } = (await signUp({ username: 'scope-probe', displayName: 'An' })).json();
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/pull?kind=learning-event&scope=org:${'-'.repeat(36)}`,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.statusCode).toBe(400);
  });

  it('logs a database error without its parameters: no password hash in the log', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/failing-query' });
    expect(response.statusCode).toBe(500);
    const [row] = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM accounts LIMIT 1',
    );
    expect(log).toContain('request failed');
    expect(log).not.toContain('$argon2id$');
    expect(log).not.toContain(row!.password_hash.slice(-20));
  });
});
