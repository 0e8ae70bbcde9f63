import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../src/lib/ids';
import { buildServer } from './app';
import type { Database } from './db/database';
import { freshDatabase, NO_LIMITS, testBackends } from './testing';
import { COMMUNE_A, request } from './testkit/world';

const backends = await testBackends();

describe.each(backends)('password reset codes on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let call: ReturnType<typeof request>;
  let leader: Person;
  let member: Person;
  let teamId: string;

  interface Person {
    id: string;
    token: string;
    username: string;
  }

  async function person(name: string): Promise<Person> {
    const username = `${name}-${newRandomId().slice(0, 8)}`;
    const response = await call('POST', '/api/auth/sign-up', undefined, {
      username,
      displayName: `${name} Nguyễn`,
      password: 'correct horse battery',
    });
    const body = response.json<{ account: { id: string }; accessToken: string }>();
    return { id: body.account.id, token: body.accessToken, username };
  }

  const resetCode = (token: string, accountId: string, orgId = teamId) =>
    call('POST', `/api/orgs/${orgId}/members/${accountId}/reset-code`, token, {});
  const reset = (login: string, code: string, password: string) =>
    call('POST', '/api/auth/reset-password', undefined, { login, code, password });
  const signIn = (login: string, password: string) =>
    call('POST', '/api/auth/sign-in', undefined, { login, password });

  beforeAll(async () => {
    db = await freshDatabase(backend);
    // A few attempts per login: the brute-force limit is tested here too.
    app = await buildServer({ db, limits: { ...NO_LIMITS, attemptsPerAccount: 6 } });
    call = request(app);
    leader = await person('leader');
    member = await person('member');
    const team = await call('POST', '/api/orgs', leader.token, {
      kind: 'team',
      name: 'Tổ mẫu',
      communeCode: COMMUNE_A,
    });
    teamId = team.json<{ id: string }>().id;
    const join = await call('POST', `/api/orgs/${teamId}/join-codes`, leader.token, {
      role: 'volunteer',
    });
    await call('POST', '/api/join', member.token, { code: join.json<{ code: string }>().code });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('lets a member who forgot their password in again, once, with a code from their leader', async () => {
    const made = await resetCode(leader.token, member.id);
    expect(made.statusCode, made.body).toBe(201);
    const { code, expiresAt } = made.json<{ code: string; expiresAt: string }>();
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);

    // Too short a password: refused, and the code still works afterwards.
    expect((await reset(member.username, code, 'short')).statusCode).toBe(400);
    // Typed in lower case without its dash: the same code.
    const typed = code.toLowerCase().replace('-', '');
    const done = await reset(member.username.toUpperCase(), typed, 'a brand new password');
    expect(done.statusCode, done.body).toBe(200);

    expect((await signIn(member.username, 'correct horse battery')).statusCode).toBe(401);
    expect((await signIn(member.username, 'a brand new password')).statusCode).toBe(200);
    // Whoever held the old password is signed out.
    expect((await call('GET', '/api/me', member.token)).statusCode).toBe(401);
    // Once only.
    expect((await reset(member.username, code, 'another new password')).statusCode).toBe(401);
  });

  it('refuses a wrong code, a code for someone else, an expired one and a replaced one', async () => {
    const first = (await resetCode(leader.token, member.id)).json<{ code: string }>().code;
    const second = (await resetCode(leader.token, member.id)).json<{ code: string }>().code;
    // The newer code replaces the older one.
    expect((await reset(member.username, first, 'password one 1')).statusCode).toBe(401);
    // A member's code is worth nothing for another account.
    expect((await reset(leader.username, second, 'password one 1')).statusCode).toBe(401);
    await db.query(`UPDATE password_reset_codes SET expires_at = now() - interval '1 second'`);
    expect((await reset(member.username, second, 'password one 1')).statusCode).toBe(401);
    expect((await signIn(leader.username, 'correct horse battery')).statusCode).toBe(200);
  });

  it('stops guessing after a few tries on one login', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await reset(leader.username, 'AAAA-AAAA', 'password one 1')).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
  });

  it('makes codes only for members, never for a system administrator', async () => {
    const outsider = await person('outsider');
    expect((await resetCode(leader.token, outsider.id)).statusCode).toBe(404);
    // The member's old token ended with the reset: a fresh sign-in, still only a volunteer.
    const session = await signIn(member.username, 'a brand new password');
    const memberToken = session.json<{ accessToken: string }>().accessToken;
    expect((await resetCode(memberToken, leader.id)).statusCode).toBe(403);
    const admin = await person('admin');
    const join = await call('POST', `/api/orgs/${teamId}/join-codes`, leader.token, {
      role: 'volunteer',
    });
    await call('POST', '/api/join', admin.token, { code: join.json<{ code: string }>().code });
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [admin.id]);
    expect((await resetCode(leader.token, admin.id)).statusCode).toBe(403);
  });

  it('logs codes and resets with ids only, and keeps only the hash of a code', async () => {
    const { code } = (await resetCode(leader.token, member.id)).json<{ code: string }>();
    const stored = await db.query<{ code_hash: string }>(
      `SELECT code_hash FROM password_reset_codes`,
    );
    expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
    const rows = await db.query<{ actor_id: string; target: string; details: object }>(
      `SELECT actor_id, target, details FROM audit_log
       WHERE action IN ('reset_code_created', 'password_reset') ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows).toContainEqual({
      actor_id: leader.id,
      target: member.id,
      details: { organisationId: teamId },
    });
    expect(rows).toContainEqual({
      actor_id: member.id,
      target: member.id,
      details: { via: 'code', organisationId: teamId },
    });
    const text = JSON.stringify(rows);
    for (const personal of ['Nguyễn', member.username, leader.username, code]) {
      expect(text).not.toContain(personal);
    }
  });
});
