import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import type { Database } from '../db/database';
import { freshDatabase, testBackends, testServer } from '../testing';
import { COMMUNE_A, COMMUNE_B, request } from '../testkit/world';

const backends = await testBackends();
const password = 'a long pass phrase';

describe.each(backends)('accounts and tokens on %s', (backend) => {
  let app: Awaited<ReturnType<typeof testServer>>['app'];
  let db: Database;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const post = (url: string, payload: object, token?: string) =>
    request(app)('POST', url, token, payload);
  const me = (token: string) => request(app)('GET', '/api/me', token);

  it('signs up with a phone number, signs in with it in any usual form, never stores the password', async () => {
    const up = await post('/api/auth/sign-up', {
      phone: '0912 345 678',
      displayName: 'Bà Tư',
      password,
    });
    expect(up.statusCode).toBe(201);
    const again = await post('/api/auth/sign-up', {
      phone: '0912345678',
      displayName: 'X',
      password,
    });
    expect(again.statusCode).toBe(409);
    const signIn = await post('/api/auth/sign-in', { login: '+84 912 345 678', password });
    expect(signIn.statusCode).toBe(200);
    const wrong = await post('/api/auth/sign-in', { login: '0912345678', password: 'nope nope' });
    expect(wrong.statusCode).toBe(401);
    const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM accounts');
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(password);
  });

  it('rotates refresh tokens, and a replayed one revokes the whole sign-in', async () => {
    const { refreshToken } = (
      await post('/api/auth/sign-up', { username: 'xoay-vong', displayName: 'A', password })
    ).json();
    const rotated = await post('/api/auth/refresh', { refreshToken });
    expect(rotated.statusCode).toBe(200);
    const replay = await post('/api/auth/refresh', { refreshToken });
    expect(replay.statusCode).toBe(401);
    const afterTheft = await post('/api/auth/refresh', {
      refreshToken: rotated.json().refreshToken,
    });
    expect(afterTheft.statusCode).toBe(401);
  });

  it('signs out everywhere: every access and refresh token stops working', async () => {
    const first = (
      await post('/api/auth/sign-up', { username: 'moi-noi', displayName: 'B', password })
    ).json();
    const second = (await post('/api/auth/sign-in', { login: 'moi-noi', password })).json();
    expect((await me(second.accessToken)).statusCode).toBe(200);
    expect((await post('/api/auth/sign-out-everywhere', {}, first.accessToken)).statusCode).toBe(
      200,
    );
    expect((await me(first.accessToken)).statusCode).toBe(401);
    expect((await me(second.accessToken)).statusCode).toBe(401);
    expect(
      (await post('/api/auth/refresh', { refreshToken: second.refreshToken })).statusCode,
    ).toBe(401);
  });

  it('keeps an audit log of sign-ins without personal details', async () => {
    const rows = await db.query<{ action: string; target: string | null; details: object }>(
      `SELECT action, target, details FROM audit_log ORDER BY id`,
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('sign_in');
    expect(actions).toContain('sign_in_failed');
    expect(actions).toContain('sign_out_everywhere');
    expect(JSON.stringify(rows)).not.toMatch(/0912|Bà Tư|xoay-vong/);
  });

  it('lists on /api/me exactly the communes an account is an official of, and none for others', async () => {
    const signUp = async (username: string) =>
      (await post('/api/auth/sign-up', { username, displayName: username, password })).json<{
        account: { id: string };
        accessToken: string;
      }>();
    const admin = await signUp('quan-tri-xa');
    const official = await signUp('can-bo-xa');
    const plain = await signUp('nguoi-dan');
    await db.query('UPDATE accounts SET is_system_admin = true WHERE id = $1', [admin.account.id]);
    for (const communeCode of [COMMUNE_B, COMMUNE_A]) {
      const granted = await post(
        '/api/admin/commune-officials',
        { accountId: official.account.id, communeCode },
        admin.accessToken,
      );
      expect(granted.statusCode).toBeLessThan(300);
    }
    const expected = await db.query<{ code: string; name: string; province_name: string }>(
      `SELECT c.code, c.name, p.name AS province_name FROM communes c
       JOIN provinces p ON p.code = c.province_code WHERE c.code = ANY($1::text[])`,
      [[COMMUNE_A, COMMUNE_B]],
    );
    const theirs = (await me(official.accessToken)).json<{ communes: unknown[] }>();
    expect(theirs.communes).toHaveLength(2);
    expect(theirs.communes).toEqual(
      expect.arrayContaining(
        expected.map((c) => ({ code: c.code, name: c.name, provinceName: c.province_name })),
      ),
    );
    const plainMe = (await me(plain.accessToken)).json<{ communes: unknown[]; memberships: [] }>();
    expect(plainMe.communes).toEqual([]);
    expect(plainMe.memberships).toEqual([]);
    // The admin grants; granting does not make the admin an official of anything.
    expect((await me(admin.accessToken)).json<{ communes: unknown[] }>().communes).toEqual([]);
  });

  it('answers cross-origin requests without CORS headers (closed by default)', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/api/sync/push',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('brute-force guard', () => {
  it('allows a few sign-in attempts a minute from one address, then refuses with 429', async () => {
    const db = await freshDatabase('pglite');
    const app = await buildServer({ db });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: 'someone', password: `guess-${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    await app.close();
    await db.close();
  });
});
