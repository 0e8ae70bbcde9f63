import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { testBackends, testServer } from '../testing';
import { request } from '../testkit/world';

const backends = await testBackends();
const password = 'a long pass phrase';

/** Issue 15's reproduced attacks on sign-in and sessions, each closed. */
describe.each(backends)('logins and sessions on %s', (backend) => {
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

  it('never lets a username that looks like a phone number take that phone’s sign-in', async () => {
    const squatter = await post('/api/auth/sign-up', {
      username: '0911222333',
      displayName: 'Kẻ chiếm',
      password: 'the squatter pass',
    });
    expect(squatter.statusCode).toBe(400);
    const owner = await post('/api/auth/sign-up', {
      phone: '0911 222 333',
      displayName: 'Chủ số',
      password,
    });
    expect(owner.statusCode).toBe(201);
    const signIn = await post('/api/auth/sign-in', { login: '0911222333', password });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().account.id).toBe(owner.json().account.id);
  });

  it('stores one form of a number: 84…, +84…, 0084… and spaces are the same account', async () => {
    const first = await post('/api/auth/sign-up', {
      phone: '0912 000 111',
      displayName: 'Một',
      password,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().account.phone).toBe('0912000111');
    for (const phone of ['84912000111', '+84 912 000 111', '0084912000111', '091.200.0111']) {
      const again = await post('/api/auth/sign-up', { phone, displayName: 'Hai', password });
      expect(again.statusCode, phone).toBe(409);
      const signIn = await post('/api/auth/sign-in', { login: phone, password });
      expect(signIn.statusCode, phone).toBe(200);
      expect(signIn.json().account.id).toBe(first.json().account.id);
    }
    const rows = await db.query<{ phone: string }>(
      `SELECT phone FROM accounts WHERE phone LIKE '%912000111'`,
    );
    expect(rows).toEqual([{ phone: '0912000111' }]);
  });

  it('refuses numbers that are not Vietnamese phone numbers', async () => {
    for (const phone of ['+1 555 123 4567', '12345', '0912 abc 111']) {
      const response = await post('/api/auth/sign-up', { phone, displayName: 'X', password });
      expect(response.statusCode, phone).toBe(400);
    }
  });

  it('ends the access tokens of a sign-in whose refresh token was replayed', async () => {
    const up = (
      await post('/api/auth/sign-up', { username: 'phat-lai', displayName: 'A', password })
    ).json();
    const rotated = (await post('/api/auth/refresh', { refreshToken: up.refreshToken })).json();
    expect((await me(rotated.accessToken)).statusCode).toBe(200);
    // The first refresh token again: a thief's copy. The whole sign-in ends, at once.
    expect((await post('/api/auth/refresh', { refreshToken: up.refreshToken })).statusCode).toBe(
      401,
    );
    expect((await me(rotated.accessToken)).statusCode).toBe(401);
    expect((await me(up.accessToken)).statusCode).toBe(401);
  });

  it('ends that sign-in’s access token at sign-out, and only that sign-in’s', async () => {
    await post('/api/auth/sign-up', { username: 'dang-xuat', displayName: 'B', password });
    const phone = (await post('/api/auth/sign-in', { login: 'dang-xuat', password })).json();
    const laptop = (await post('/api/auth/sign-in', { login: 'dang-xuat', password })).json();
    expect(
      (await post('/api/auth/sign-out', { refreshToken: phone.refreshToken })).statusCode,
    ).toBe(200);
    expect((await me(phone.accessToken)).statusCode).toBe(401);
    expect((await me(laptop.accessToken)).statusCode).toBe(200);
  });

  it('marks token and personal answers no-store; public keys keep their own caching', async () => {
    const up = await post('/api/auth/sign-up', {
      username: 'khong-luu',
      displayName: 'C',
      password,
    });
    expect(up.headers['cache-control']).toBe('no-store');
    const { accessToken, refreshToken } = up.json();
    expect(
      (await post('/api/auth/sign-in', { login: 'khong-luu', password })).headers['cache-control'],
    ).toBe('no-store');
    expect((await post('/api/auth/refresh', { refreshToken })).headers['cache-control']).toBe(
      'no-store',
    );
    expect((await me(accessToken)).headers['cache-control']).toBe('no-store');
    const pull = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?kind=learning-event',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(pull.headers['cache-control']).toBe('no-store');
    const keys = await app.inject({ method: 'GET', url: '/api/certificates/issuers' });
    expect(keys.headers['cache-control']).toBe('public, max-age=300');
  });
});
