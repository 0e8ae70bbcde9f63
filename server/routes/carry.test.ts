import { base64urlnopad } from '@scure/base';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OLDEST_READABLE_RECORDS,
  PROTOCOL_VERSION,
  eventRecord,
  type CarryFile,
  type CarryReceipts,
} from '../../src/protocol';
import { eventBatch } from '../../src/test/events';
import type { Database } from '../db/database';
import { testBackends, testServer } from '../testing';
import {
  carryDevice,
  carryFile,
  forwardCarried,
  keyedRegistration,
  sealKeyOf,
  type CarryDevice,
} from '../testkit/carry';
import { signUp } from '../testkit/teamWorld';

const backends = await testBackends();

describe.each(backends)('carried records on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let carrier: string;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    carrier = (await signUp(app, 'carrier')).token;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function register(body: object) {
    const response = await app.inject({ method: 'POST', url: '/api/devices', payload: body });
    return {
      status: response.statusCode,
      token: response.json<{ deviceToken?: string }>().deviceToken,
    };
  }

  async function registered(device = carryDevice()) {
    const { status, token } = await register(keyedRegistration(device));
    expect(status).toBe(201);
    return { device, token: token! };
  }

  async function storedIds(deviceId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      `SELECT id FROM events WHERE device_id = $1 ORDER BY id`,
      [deviceId],
    );
    return rows.map((r) => r.id);
  }

  const recordsOf = (device: CarryDevice, count: number) =>
    eventBatch(device.deviceId, count).map(eventRecord);

  async function receipts(deviceId: string, token: string) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/carried/receipts?deviceId=${deviceId}`,
      headers: { authorization: `Bearer ${token}`, 'x-hoc-so-protocol': String(PROTOCOL_VERSION) },
    });
    return { status: response.statusCode, body: response.json<CarryReceipts>() };
  }

  it('publishes one sealing key, the same each time', async () => {
    const first = await sealKeyOf(app);
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sealKeyOf(app)).toEqual(first);
  });

  it('stores a carried bundle exactly once, as the device pushing it would', async () => {
    const { device, token } = await registered();
    const records = recordsOf(device, 30);
    const file = await carryFile(device, records, await sealKeyOf(app));
    expect(await forwardCarried(app, carrier, file)).toEqual({
      status: 200,
      body: { outcome: 'stored' },
    });
    const ids = records.map((r) => r.id).sort();
    expect(await storedIds(device.deviceId)).toEqual(ids);
    // A replay, by the same carrier or another, changes nothing.
    const other = (await signUp(app, 'second-carrier')).token;
    expect((await forwardCarried(app, other, file)).body).toEqual({ outcome: 'already_received' });
    expect(await storedIds(device.deviceId)).toEqual(ids);
    // The device's own pull has them, owned by the device.
    const pulled = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?kind=learning-event&since=0&limit=100',
      headers: { authorization: `Bearer ${token}`, 'x-hoc-so-protocol': String(PROTOCOL_VERSION) },
    });
    expect(
      pulled
        .json<{ records: { id: string }[] }>()
        .records.map((r) => r.id)
        .sort(),
    ).toEqual(ids);
    const answer = await receipts(device.deviceId, token);
    expect(answer.status).toBe(200);
    expect(answer.body.receipts).toHaveLength(1);
    expect(answer.body.receipts[0]!.accepted.map((r) => r.id).sort()).toEqual(ids);
    expect(answer.body.receipts[0]!.refused).toEqual([]);
  });

  it('stores a file made by an app not yet updated whose records are unchanged, and refuses others', async () => {
    const { device } = await registered();
    const sealKey = await sealKeyOf(app);
    const records = recordsOf(device, 3);
    const beforeUpdate = await carryFile(device, records, sealKey, OLDEST_READABLE_RECORDS);
    expect((await forwardCarried(app, carrier, beforeUpdate)).body).toEqual({ outcome: 'stored' });
    expect(await storedIds(device.deviceId)).toEqual(records.map((r) => r.id).sort());
    for (const version of [OLDEST_READABLE_RECORDS - 1, PROTOCOL_VERSION + 1]) {
      const file = await carryFile(device, recordsOf(device, 1), sealKey, version);
      expect((await forwardCarried(app, carrier, file)).body).toEqual({
        outcome: 'refused',
        reason: 'protocol_mismatch',
      });
    }
    expect(await storedIds(device.deviceId)).toHaveLength(3);
  });

  it('gives each record the refusal a push would, and keeps it in the receipt', async () => {
    const { device, token } = await registered();
    const [good] = recordsOf(device, 1);
    const foreign = recordsOf(carryDevice(), 1)[0]!;
    const file = await carryFile(device, [good!, foreign], await sealKeyOf(app));
    expect((await forwardCarried(app, carrier, file)).body).toEqual({ outcome: 'stored' });
    const [receipt] = (await receipts(device.deviceId, token)).body.receipts;
    expect(receipt!.accepted).toEqual([{ kind: 'learning-event', id: good!.id }]);
    expect(receipt!.refused.map((r) => [r.id, r.reason])).toEqual([[foreign.id, 'wrong_device']]);
  });

  it('stores a bundle of a device never met, which then registers with the same key only', async () => {
    const device = carryDevice();
    const records = recordsOf(device, 5);
    const file = await carryFile(device, records, await sealKeyOf(app));
    expect((await forwardCarried(app, carrier, file)).body).toEqual({ outcome: 'stored' });
    expect(await storedIds(device.deviceId)).toHaveLength(5);
    const withoutKey = { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId };
    expect((await register(withoutKey)).status).toBe(409);
    const otherKey = keyedRegistration({ ...carryDevice(device.deviceId) });
    expect((await register(otherKey)).status).toBe(409);
    const { token } = await registered(device);
    expect((await receipts(device.deviceId, token)).body.receipts).toHaveLength(1);
    // Its registration answer lost, it registers again with a fresh proof: a new token, the old
    // one ended. A proof signed long ago (a replayed request) gets nothing.
    const again = await registered(device);
    expect((await receipts(device.deviceId, token)).status).toBe(401);
    expect((await receipts(device.deviceId, again.token)).status).toBe(200);
    const stale = keyedRegistration(device, new Date(Date.now() - 3_600_000));
    expect((await register(stale)).status).toBe(409);
  });

  it('refuses a registration whose proof is not made by the key it names', async () => {
    const body = keyedRegistration(carryDevice());
    const forged = { ...body, key: { ...body.key, publicKey: carryDevice().key.publicKey } };
    expect((await register(forged)).status).toBe(400);
  });

  it('refuses altered, cut, foreign and unsigned files with a reason, storing nothing', async () => {
    const { device } = await registered();
    const sealKey = await sealKeyOf(app);
    const file = await carryFile(device, recordsOf(device, 4), sealKey);
    const bytes = base64urlnopad.decode(file.sealed);
    bytes[40] = bytes[40]! ^ 0x80;
    const altered: CarryFile = { ...file, sealed: base64urlnopad.encode(bytes) };
    const cut = { ...file, sealed: file.sealed.slice(0, Math.floor(file.sealed.length / 2)) };
    const foreignKey = { keyId: 'cforeign000', publicKey: carryDevice().key.publicKey };
    const foreign = await carryFile(device, recordsOf(device, 1), foreignKey);
    const impostor = { ...carryDevice(device.deviceId) };
    const forged = await carryFile(impostor, recordsOf(device, 1), sealKey);
    const cases: [unknown, string][] = [
      [altered, 'altered'],
      [cut, 'altered'],
      [{ format: 'hocso-carry' }, 'malformed'],
      [JSON.stringify(file).slice(0, 200), 'malformed'],
      [foreign, 'foreign'],
      [forged, 'bad_signature'],
    ];
    for (const [sent, reason] of cases) {
      expect((await forwardCarried(app, carrier, sent)).body).toEqual({
        outcome: 'refused',
        reason,
      });
    }
    expect(await storedIds(device.deviceId)).toEqual([]);
    // The genuine file still arrives after all of them.
    expect((await forwardCarried(app, carrier, file)).body).toEqual({ outcome: 'stored' });
  });

  it('checks a device registered without a key once it names one, and never another', async () => {
    const device = carryDevice();
    const plain = await register({ protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId });
    const sealKey = await sealKeyOf(app);
    const early = await carryFile(device, recordsOf(device, 2), sealKey);
    expect((await forwardCarried(app, carrier, early)).body).toEqual({
      outcome: 'refused',
      reason: 'device_key_unknown',
    });
    const nameKey = (body: object) =>
      app.inject({
        method: 'PUT',
        url: '/api/devices/key',
        headers: {
          authorization: `Bearer ${plain.token}`,
          'x-hoc-so-protocol': String(PROTOCOL_VERSION),
        },
        payload: body,
      });
    const { key } = keyedRegistration(device);
    expect((await nameKey(key)).statusCode).toBe(200);
    expect((await nameKey(keyedRegistration(carryDevice(device.deviceId)).key)).statusCode).toBe(
      409,
    );
    expect((await forwardCarried(app, carrier, early)).body).toEqual({ outcome: 'stored' });
  });

  it('is forwarded by signed-in people only, and receipts are read by the device only', async () => {
    const { device, token } = await registered();
    const file = await carryFile(device, recordsOf(device, 1), await sealKeyOf(app));
    expect((await forwardCarried(app, token, file)).status).toBe(403);
    expect((await forwardCarried(app, 'nobody', file)).status).toBe(401);
    const other = await registered();
    expect((await receipts(device.deviceId, other.token)).status).toBe(403);
    expect((await receipts(device.deviceId, carrier)).status).toBe(403);
    expect(await storedIds(device.deviceId)).toEqual([]);
  });
});
