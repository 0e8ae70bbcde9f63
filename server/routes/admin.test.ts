import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import { auditPageSchema, type AuditPage } from '../../src/protocol';
import type { Database } from '../db/database';
import { testBackends, testServer } from '../testing';
import { COMMUNE_A, COMMUNE_B, request } from '../testkit/world';

const backends = await testBackends();

describe.each(backends)('admin routes on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let call: ReturnType<typeof request>;
  let admin: { id: string; token: string; username: string };
  let clerk: { id: string; token: string; username: string };

  async function person(name: string) {
    const username = `${name}-${newRandomId().slice(0, 8)}`;
    const response = await call('POST', '/api/auth/sign-up', undefined, {
      username,
      displayName: `${name} Trần`,
      password: 'correct horse battery',
    });
    const body = response.json<{ account: { id: string }; accessToken: string }>();
    return { id: body.account.id, token: body.accessToken, username };
  }

  const auditPage = async (query: string): Promise<AuditPage> => {
    const response = await call('GET', `/api/admin/audit${query}`, admin.token);
    expect(response.statusCode, response.body).toBe(200);
    return auditPageSchema.parse(response.json());
  };

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    call = request(app);
    admin = await person('admin');
    clerk = await person('clerk');
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [admin.id]);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('finds an account by its login and names it a commune official, audited', async () => {
    const found = await call(
      'GET',
      `/api/admin/accounts?login=${clerk.username.toUpperCase()}`,
      admin.token,
    );
    expect(found.json()).toEqual({ id: clerk.id, displayName: 'clerk Trần' });
    const missing = await call('GET', '/api/admin/accounts?login=nobody-here', admin.token);
    expect(missing.statusCode).toBe(404);
    for (const communeCode of [COMMUNE_A, COMMUNE_B]) {
      const granted = await call('POST', '/api/admin/commune-officials', admin.token, {
        accountId: clerk.id,
        communeCode,
      });
      expect(granted.statusCode).toBe(201);
    }
    const { entries } = await auditPage('?action=commune_granted');
    expect(entries.map((e) => [e.actorId, e.target, e.details])).toEqual([
      [admin.id, clerk.id, { commune: COMMUNE_B }],
      [admin.id, clerk.id, { commune: COMMUNE_A }],
    ]);
  });

  it('logs an agency it creates with its kind and commune, never its name', async () => {
    const created = await call('POST', '/api/orgs', admin.token, {
      kind: 'agency',
      name: 'Sở Thông tin mẫu',
      communeCode: COMMUNE_A,
    });
    expect(created.statusCode).toBe(201);
    const [entry] = (await auditPage('?action=organisation_created')).entries;
    expect(entry).toMatchObject({
      actorId: admin.id,
      target: created.json<{ id: string }>().id,
      details: { kind: 'agency', commune: COMMUNE_A },
    });
  });

  it('pages the log newest first, with ids and times only', async () => {
    const first = await auditPage('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.next).toBe(first.entries[1]!.id);
    // Two grants and an agency so far: the second page holds the last one and ends the log.
    const second = await auditPage(`?limit=2&before=${first.next}`);
    expect(second.next).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(3);
    const all = await auditPage('?limit=100');
    expect(all.entries.map((e) => e.id)).toEqual(ids);
    const text = JSON.stringify(all);
    for (const personal of ['Trần', admin.username, clerk.username, 'Sở Thông tin']) {
      expect(text).not.toContain(personal);
    }
  });

  it('rotates the issuer key: the new one signs, the old one stays published, audited', async () => {
    const before = await db.query<{ key_id: string }>(`SELECT key_id FROM issuer_keys`);
    const rotated = await call('POST', '/api/admin/issuer-key/rotate', admin.token, {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { keyId } = rotated.json<{ keyId: string }>();
    const issuers = await call('GET', '/api/certificates/issuers');
    for (const key of [...before.map((k) => k.key_id), keyId]) expect(issuers.body).toContain(key);
    const [entry] = (await auditPage('?action=issuer_key_rotated')).entries;
    expect(entry).toMatchObject({ actorId: admin.id, target: keyId, details: {} });
  });

  it('leaves a key set in ISSUER_PRIVATE_KEY to the configuration', async () => {
    process.env.ISSUER_PRIVATE_KEY = 'A'.repeat(43);
    try {
      const rotated = await call('POST', '/api/admin/issuer-key/rotate', admin.token, {});
      expect(rotated.statusCode).toBe(409);
    } finally {
      delete process.env.ISSUER_PRIVATE_KEY;
    }
  });

  it('refuses a bad filter with a typed error', async () => {
    for (const query of ['?action=drop_table', '?limit=0', '?before=abc', '?extra=1']) {
      const response = await call('GET', `/api/admin/audit${query}`, admin.token);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_body' } });
    }
  });
});
