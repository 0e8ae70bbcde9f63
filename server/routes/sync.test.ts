import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import {
  MAX_PUSH_BATCH,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  eventRecord,
  type LearningEvent,
  type StoredEvent,
} from '../../src/protocol';
import { eventBatch, lessonEvent } from '../../src/test/events';
import type { Database } from '../db/database';
import { RECORD_HANDLERS } from '../records';
import { testBackends, testServer } from '../testing';

const backends = await testBackends();

describe.each(backends)('sync API on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function register(deviceId = newRandomId()) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/devices',
      payload: { protocolVersion: PROTOCOL_VERSION, deviceId },
    });
    expect(response.statusCode).toBe(201);
    return { deviceId, token: response.json<{ deviceToken: string }>().deviceToken };
  }

  function push(token: string, body: unknown) {
    return app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: body as object,
    });
  }

  function pushEvents(device: { deviceId: string; token: string }, events: LearningEvent[]) {
    return push(device.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: device.deviceId,
      records: events.map(eventRecord),
    });
  }

  /** Any data, well formed or not, as a learning-event record. */
  const asRecord = (data: { id: string }) => ({ kind: 'learning-event', id: data.id, data });
  const idsOf = (records: { id: string }[]) => records.map((r) => r.id);

  function pull(token: string, since: number, limit = 100) {
    return app.inject({
      method: 'GET',
      url: `/api/sync/pull?kind=learning-event&since=${since}&limit=${limit}`,
      headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    });
  }

  async function countEvents(): Promise<number> {
    const rows = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM events');
    return Number(rows[0]?.n);
  }

  it('reports health and the database kind', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      database: backend,
    });
  });

  it('never hands a registered device id to a second registrant', async () => {
    const { deviceId } = await register();
    const again = await app.inject({
      method: 'POST',
      url: '/api/devices',
      payload: { protocolVersion: PROTOCOL_VERSION, deviceId },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('stores a batch once, however often and in whatever order it is pushed', async () => {
    const device = await register();
    const events = eventBatch(device.deviceId, 30);
    const before = await countEvents();

    const first = await pushEvents(device, events);
    expect(first.statusCode).toBe(200);
    expect(first.json().refused).toEqual([]);
    expect(await countEvents()).toBe(before + 30);

    const reordered = [...events].reverse();
    const duplicate = await pushEvents(device, [...reordered, ...events.slice(0, 5)]);
    expect(duplicate.statusCode).toBe(200);
    expect(duplicate.json().refused).toEqual([]);
    expect(await countEvents()).toBe(before + 30);

    const more = eventBatch(device.deviceId, 10);
    const mixed = await pushEvents(device, [
      ...more.slice(5),
      ...events.slice(10, 20),
      ...more.slice(0, 5),
    ]);
    expect(mixed.json().refused).toEqual([]);
    expect(await countEvents()).toBe(before + 40);
  });

  it('fails a push whose handler left a record neither stored nor refused, and keeps its mark', async () => {
    const device = await register();
    const events = eventBatch(device.deviceId, 3);
    const handler = RECORD_HANDLERS['learning-event'];
    // A handler that answers for two of the three events and stores nothing.
    const forgetful = vi.spyOn(handler, 'push').mockResolvedValueOnce({
      accepted: [events[0]!.id],
      refused: [
        { kind: 'learning-event', id: events[1]!.id, reason: 'invalid_record', message: 'no' },
      ],
    });
    try {
      const response = await push(device.token, {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: device.deviceId,
        records: events.map(eventRecord),
        highWater: 3,
      });
      expect(response.statusCode).toBe(500);
    } finally {
      forgetful.mockRestore();
    }
    const mark = await app.inject({
      method: 'GET',
      url: `/api/sync/mark?deviceId=${device.deviceId}`,
      headers: {
        authorization: `Bearer ${device.token}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      },
    });
    expect(mark.json()).toEqual({ highWater: 0, refused: [] });
  });

  it('refuses a stale protocol version with a typed answer and writes nothing', async () => {
    const device = await register();
    const before = await countEvents();
    const response = await push(device.token, {
      protocolVersion: PROTOCOL_VERSION - 1,
      deviceId: device.deviceId,
      records: [eventRecord(lessonEvent(device.deviceId, newRandomId()))],
    });
    expect(response.statusCode).toBe(426);
    expect(response.json().error).toMatchObject({
      code: 'protocol_outdated',
      serverProtocolVersion: PROTOCOL_VERSION,
    });
    const stalePull = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?kind=learning-event&since=0',
      headers: { authorization: `Bearer ${device.token}`, [PROTOCOL_HEADER]: '0' },
    });
    expect(stalePull.statusCode).toBe(426);
    expect(await countEvents()).toBe(before);
  });

  it('answers malformed bodies with a clear 4xx and writes nothing', async () => {
    const device = await register();
    const good = eventRecord(lessonEvent(device.deviceId, newRandomId()));
    const version = PROTOCOL_VERSION;
    const cases: { name: string; body: string; contentType?: string; status: number }[] = [
      { name: 'broken JSON', body: '{"protocolVersion": 2, "records": [', status: 400 },
      { name: 'an array', body: '[]', status: 400 },
      { name: 'a string', body: '"push"', status: 400 },
      {
        name: 'no version',
        body: JSON.stringify({ deviceId: device.deviceId, records: [good] }),
        status: 400,
      },
      {
        name: 'version as text',
        body: JSON.stringify({ protocolVersion: '2', deviceId: device.deviceId, records: [good] }),
        status: 400,
      },
      {
        name: 'records not a list',
        body: JSON.stringify({ protocolVersion: version, deviceId: device.deviceId, records: {} }),
        status: 400,
      },
      {
        name: 'no records',
        body: JSON.stringify({ protocolVersion: version, deviceId: device.deviceId, records: [] }),
        status: 400,
      },
      {
        name: 'a record without id',
        body: JSON.stringify({
          protocolVersion: version,
          deviceId: device.deviceId,
          records: [good, { kind: 'learning-event', data: { type: 'x' } }],
        }),
        status: 400,
      },
      {
        name: 'extra field',
        body: JSON.stringify({
          protocolVersion: version,
          deviceId: device.deviceId,
          records: [good],
          admin: true,
        }),
        status: 400,
      },
      {
        name: 'too many records',
        body: JSON.stringify({
          protocolVersion: version,
          deviceId: device.deviceId,
          records: eventBatch(device.deviceId, MAX_PUSH_BATCH + 1).map(eventRecord),
        }),
        status: 400,
      },
      {
        name: 'wrong content type',
        body: 'protocolVersion=2',
        contentType: 'text/plain',
        status: 400,
      },
      {
        name: 'huge body',
        body: JSON.stringify({ protocolVersion: version, pad: 'x'.repeat(3 * 1024 * 1024) }),
        status: 413,
      },
    ];
    const before = await countEvents();
    for (const testCase of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: {
          authorization: `Bearer ${device.token}`,
          'content-type': testCase.contentType ?? 'application/json',
        },
        payload: testCase.body,
      });
      expect(response.statusCode, testCase.name).toBe(testCase.status);
      const error = response.json().error;
      expect(error.message.length, testCase.name).toBeGreaterThan(0);
      expect(['invalid_body', 'payload_too_large'], testCase.name).toContain(error.code);
    }
    expect(await countEvents()).toBe(before);
  });

  it('refuses bad records one by one, with a reason, and stores the rest', async () => {
    const device = await register();
    const profileId = newRandomId();
    const good = lessonEvent(device.deviceId, profileId);
    const badPayload = { ...lessonEvent(device.deviceId, profileId), payload: { courseId: 'X Y' } };
    const otherDevice = lessonEvent(newRandomId(), profileId);
    // Values the schema must catch because PostgreSQL would refuse them: the year 0000, and a
    // NUL or half a surrogate pair in a name.
    const yearZero = {
      ...lessonEvent(device.deviceId, profileId),
      occurredAt: '0000-01-01T00:00:00Z',
    };
    const names = ['Lan\u0000', 'Lan\ud800'].map((holderName) => ({
      ...lessonEvent(device.deviceId, profileId),
      type: 'certificate.requested',
      payload: { courseId: 'smartphone-basics', holderName },
    }));
    const unknownKind = newRandomId();
    const renamed = newRandomId();
    const response = await push(device.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: device.deviceId,
      records: [
        ...[good, badPayload, otherDevice, yearZero, ...names].map(asRecord),
        { kind: 'reading-log', id: unknownKind, data: {} },
        { ...asRecord(lessonEvent(device.deviceId, profileId)), id: renamed },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().refused).toEqual([
      expect.objectContaining({ id: badPayload.id, reason: 'invalid_record' }),
      expect.objectContaining({ id: otherDevice.id, reason: 'wrong_device' }),
      expect.objectContaining({ id: yearZero.id, reason: 'invalid_record' }),
      ...names.map((e) => expect.objectContaining({ id: e.id, reason: 'invalid_record' })),
      expect.objectContaining({ kind: 'reading-log', id: unknownKind, reason: 'unknown_kind' }),
      expect.objectContaining({ id: renamed, reason: 'invalid_record' }),
    ]);
  });

  it('refuses pushes without a valid token, or for another device', async () => {
    const device = await register();
    const events = [lessonEvent(device.deviceId, newRandomId())];
    const body = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: device.deviceId,
      records: events.map(eventRecord),
    };
    expect((await push('not-a-token', body)).statusCode).toBe(401);
    expect((await pull('not-a-token', 0)).statusCode).toBe(401);
    const other = await register();
    const forbidden = await push(other.token, body);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('forbidden');
  });

  it('never lets one owner overwrite or read another owner’s event', async () => {
    const a = await register();
    const b = await register();
    const event = lessonEvent(a.deviceId, newRandomId());
    await pushEvents(a, [event]);
    const stolen = await pushEvents(b, [{ ...event, deviceId: b.deviceId }]);
    expect(stolen.json().refused).toEqual([
      expect.objectContaining({ id: event.id, reason: 'id_conflict' }),
    ]);
    const pulled = (await pull(b.token, 0)).json();
    expect(pulled.records).toEqual([]);
  });

  it('pulls every event exactly once across pages, even with pushes in between', async () => {
    const device = await register();
    const profileId = newRandomId();
    const all: LearningEvent[] = [];
    for (let i = 0; i < 3; i += 1) {
      const batch = eventBatch(device.deviceId, 250, profileId);
      all.push(...batch);
      await pushEvents(device, batch);
    }
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = (await pull(device.token, cursor, 97)).json();
      pages += 1;
      const pulled = page.records.map((r: { data: StoredEvent }) => r.data);
      seen.push(...pulled.map((e: StoredEvent) => e.id));
      for (const [i, e] of pulled.entries()) {
        if (i > 0) expect(e.serverSeq).toBeGreaterThan(pulled[i - 1]!.serverSeq);
      }
      cursor = page.nextCursor;
      if (pages === 3) {
        const late = eventBatch(device.deviceId, 40, profileId);
        all.push(...late);
        await pushEvents(device, late);
      }
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all.map((e) => e.id)));
    const empty = (await pull(device.token, cursor)).json();
    expect(empty).toEqual({ records: [], nextCursor: cursor, hasMore: false });
  });

  it('keeps pull gap-free when devices push at the same time', async () => {
    const devices = await Promise.all(Array.from({ length: 6 }, () => register()));
    const reader = devices[0]!;
    const batches = devices.map((d) => eventBatch(d.deviceId, 60));
    let cursor = (await pull(reader.token, 0, 1000)).json().nextCursor as number;
    const seen: string[] = [];
    const pushes = Promise.all(
      devices.flatMap((d, i) => [
        pushEvents(d, batches[i]!.slice(0, 30)),
        pushEvents(d, batches[i]!.slice(30)),
      ]),
    );
    const reading = (async () => {
      for (let i = 0; i < 20; i += 1) {
        const page = (await pull(reader.token, cursor, 7)).json();
        seen.push(...idsOf(page.records));
        cursor = page.nextCursor;
      }
    })();
    await Promise.all([pushes, reading]);
    for (;;) {
      const page = (await pull(reader.token, cursor, 50)).json();
      seen.push(...idsOf(page.records));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen)).toEqual(new Set(batches[0]!.map((e) => e.id)));
  });

  it('combines pushes that arrive together and still tells each owner what is theirs', async () => {
    const a = await register();
    const b = await register();
    const mine = eventBatch(a.deviceId, 3);
    // Device B reuses one of A's ids: whichever is stored first owns it; the other hears so.
    const theirs = [...eventBatch(b.deviceId, 2), { ...mine[1]!, deviceId: b.deviceId }];
    const [fromA, fromB] = await Promise.all([pushEvents(a, mine), pushEvents(b, theirs)]);
    const refusedA = fromA.json<{ refused: { id: string }[] }>().refused.map((r) => r.id);
    const refusedB = fromB.json<{ refused: { id: string }[] }>().refused.map((r) => r.id);
    expect([...refusedA, ...refusedB]).toEqual([mine[1]!.id]);
    const owners = await db.query<{ owner_id: string }>(
      'SELECT owner_id FROM events WHERE id = $1',
      [mine[1]!.id],
    );
    expect(owners).toEqual([
      { owner_id: `device:${refusedA.length === 0 ? a.deviceId : b.deviceId}` },
    ]);
  });

  it('keeps each device’s high-water mark with the last batch’s refusals, never moving back', async () => {
    const device = await register();
    const mark = (token = device.token, deviceId = device.deviceId) =>
      app.inject({
        method: 'GET',
        url: `/api/sync/mark?deviceId=${deviceId}`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await mark()).json()).toEqual({ highWater: 0, refused: [] });
    const [good, bad] = eventBatch(device.deviceId, 2);
    const broken = { ...bad!, payload: { courseId: 'NOT A SLUG', lessonId: 'x' } };
    const body = { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId };
    expect(
      (await push(device.token, { ...body, records: [good!, broken].map(asRecord), highWater: 7 }))
        .statusCode,
    ).toBe(200);
    expect((await mark()).json()).toEqual({
      highWater: 7,
      refused: [expect.objectContaining({ id: bad!.id, reason: 'invalid_record' })],
    });
    // A late duplicate of an older batch does not move the mark back.
    await push(device.token, { ...body, records: [asRecord(good!)], highWater: 3 });
    expect((await mark()).json().highWater).toBe(7);
    // An id another owner already used: the mark moves only once the insert has told the
    // clash, and carries its refusal.
    const stranger = await register();
    const [taken] = eventBatch(stranger.deviceId, 1);
    await pushEvents(stranger, [taken!]);
    const [fresh] = eventBatch(device.deviceId, 1);
    const clash = { ...taken!, deviceId: device.deviceId };
    await push(device.token, { ...body, records: [fresh!, clash].map(asRecord), highWater: 9 });
    expect((await mark()).json()).toEqual({
      highWater: 9,
      refused: [expect.objectContaining({ id: taken!.id, reason: 'id_conflict' })],
    });
    const other = await register();
    expect((await mark(other.token)).statusCode).toBe(403);
    expect((await mark(device.token, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('answers unknown API routes with a typed 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
