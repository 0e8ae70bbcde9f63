import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../src/lib/ids';
import { PROTOCOL_VERSION, eventRecord } from '../src/protocol';
import { lessonEvent } from '../src/test/events';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import { COMMUNE_A, COMMUNE_B, request } from './testkit/world';

const backends = await testBackends();

describe.each(backends)('organisations on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let call: ReturnType<typeof request>;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    call = request(app);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function person(name: string) {
    const response = await call('POST', '/api/auth/sign-up', undefined, {
      username: `${name}-${newRandomId().slice(0, 8)}`,
      displayName: name,
      password: 'correct horse battery',
    });
    const body = response.json<{ account: { id: string }; accessToken: string }>();
    return { id: body.account.id, token: body.accessToken };
  }

  async function organisation(token: string, kind: 'team' | 'class', communeCode = COMMUNE_A) {
    const response = await call('POST', '/api/orgs', token, {
      kind,
      name: `${kind} mẫu`,
      communeCode,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  }

  async function code(token: string, orgId: string, body: object) {
    const response = await call('POST', `/api/orgs/${orgId}/join-codes`, token, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; code: string; maxUses: number; expiresAt: string }>();
  }

  async function lessons(token: string, count: number) {
    const deviceId = newRandomId();
    const profileId = newRandomId();
    const response = await call('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: Array.from({ length: count }, (_, i) =>
        eventRecord(lessonEvent(deviceId, profileId, `l-${i}`)),
      ),
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('one code lets a whole room in until it is used up, expires or is revoked', async () => {
    const teacher = await person('teacher');
    const classId = await organisation(teacher.token, 'class');
    const made = await code(teacher.token, classId, { role: 'learner', maxUses: 3, minutes: 90 });
    expect(made.maxUses).toBe(3);
    const lifetime = Date.parse(made.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(89 * 60_000);
    expect(lifetime).toBeLessThan(91 * 60_000);

    const room = await Promise.all(['an', 'binh', 'chi', 'dung'].map(person));
    for (const learner of room.slice(0, 2)) {
      const joined = await call('POST', '/api/join', learner.token, { code: made.code });
      expect(joined.statusCode, joined.body).toBe(200);
    }
    const listed = await call('GET', `/api/orgs/${classId}/join-codes`, teacher.token);
    expect(listed.json()).toEqual([
      { id: made.id, role: 'learner', uses: 2, maxUses: 3, expiresAt: made.expiresAt },
    ]);
    // Nobody else reads or revokes the room's codes.
    const outsider = room[3]!;
    expect((await call('GET', `/api/orgs/${classId}/join-codes`, outsider.token)).statusCode).toBe(
      403,
    );
    const revokeUrl = `/api/orgs/${classId}/join-codes/${made.id}/revoke`;
    expect((await call('POST', revokeUrl, outsider.token)).statusCode).toBe(403);

    expect((await call('POST', revokeUrl, teacher.token)).statusCode).toBe(200);
    const late = await call('POST', '/api/join', room[2]!.token, { code: made.code });
    expect(late.statusCode).toBe(404);
    expect((await call('GET', `/api/orgs/${classId}/join-codes`, teacher.token)).json()).toEqual(
      [],
    );
    expect((await call('POST', revokeUrl, teacher.token)).statusCode).toBe(404);

    // An expired code lets nobody in.
    const old = await code(teacher.token, classId, { role: 'learner', maxUses: 5, minutes: 5 });
    await db.query(`UPDATE join_codes SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      old.id,
    ]);
    expect((await call('POST', '/api/join', room[2]!.token, { code: old.code })).statusCode).toBe(
      404,
    );

    const audit = await db.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_log WHERE target = $1 ORDER BY id`,
      [classId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'organisation_created',
      'join_code_created',
      'joined',
      'joined',
      'join_code_revoked',
      'join_code_created',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(made.code);
  });

  it('refuses a lifetime or a number of uses out of range', async () => {
    const leader = await person('leader');
    const teamId = await organisation(leader.token, 'team');
    for (const body of [
      { role: 'volunteer', maxUses: 0 },
      { role: 'volunteer', maxUses: 501 },
      { role: 'volunteer', minutes: 0 },
      { role: 'volunteer', minutes: 31 * 24 * 60 },
    ]) {
      const response = await call('POST', `/api/orgs/${teamId}/join-codes`, leader.token, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('a sole manager cannot step down; with a second one they can', async () => {
    const leader = await person('leader');
    const volunteer = await person('volunteer');
    const teamId = await organisation(leader.token, 'team');
    const made = await code(leader.token, teamId, { role: 'volunteer' });
    await call('POST', '/api/join', volunteer.token, { code: made.code });
    const setRole = (actor: { token: string }, memberId: string, role: string) =>
      call('PUT', `/api/orgs/${teamId}/members/${memberId}/role`, actor.token, { role });

    const alone = await setRole(leader, leader.id, 'volunteer');
    expect(alone.statusCode).toBe(409);
    expect(alone.json()).toMatchObject({ error: { code: 'conflict' } });

    expect((await setRole(leader, volunteer.id, 'team_leader')).statusCode).toBe(200);
    expect((await setRole(leader, leader.id, 'volunteer')).statusCode).toBe(200);
    // Now the other one is the only leader, and the old one manages nothing.
    expect((await setRole(volunteer, volunteer.id, 'volunteer')).statusCode).toBe(409);
    expect((await setRole(leader, volunteer.id, 'volunteer')).statusCode).toBe(403);

    const teacher = await person('teacher');
    const classId = await organisation(teacher.token, 'class');
    const demote = await call(
      'PUT',
      `/api/orgs/${classId}/members/${teacher.id}/role`,
      teacher.token,
      { role: 'learner' },
    );
    expect(demote.statusCode).toBe(409);
  });

  it('never counts teachers, leaders or admins as learners', async () => {
    const teacher = await person('teacher');
    const leader = await person('leader');
    const learner = await person('learner');
    const admin = await person('admin');
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [admin.id]);
    // Commune B holds only this test's people.
    const classId = await organisation(teacher.token, 'class', COMMUNE_B);
    await organisation(leader.token, 'team', COMMUNE_B);
    const made = await code(teacher.token, classId, { role: 'learner', maxUses: 10 });
    // A leader who also sits in a class, and an admin who does, are still staff.
    for (const member of [learner, leader, admin]) {
      const joined = await call('POST', '/api/join', member.token, { code: made.code });
      expect(joined.statusCode, joined.body).toBe(200);
    }
    await lessons(teacher.token, 4);
    await lessons(leader.token, 3);
    await lessons(admin.token, 2);
    await lessons(learner.token, 1);

    const progress = await call('GET', `/api/orgs/${classId}/progress`, teacher.token);
    expect(progress.json<{ accountId: string }[]>().map((m) => m.accountId)).toEqual([learner.id]);

    const summary = await call('GET', `/api/communes/${COMMUNE_B}/summary`, admin.token);
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ learners: 1, lessonsCompleted: 1 });
  });
});
