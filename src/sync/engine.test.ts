import { describe, expect, it, vi } from 'vitest';
import {
  eventRecord,
  type LearningEvent,
  type PushedRecord,
  type PushMark,
  type StoredEvent,
} from '../protocol';
import { eventBatch } from '../test/events';
import type { SyncStatus } from '../protocol/syncStatus';
import { createSyncEngine } from './engine';
import { ServerRefusal, TransientSyncError, type SyncApi } from './http';
import type { SyncStore } from '../data/syncStoreContract';

const deviceId = '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f';

function memoryStore(events: LearningEvent[]) {
  const outbox = new Map(events.map((e, i) => [e.id, { event: e, seq: i + 1, refused: false }]));
  const state = {
    token: null as string | null,
    cursor: 0,
    pulled: [] as StoredEvent[],
    syncedAt: '',
    inFlight: null as number | null,
  };
  const settle = (id: string, refused: boolean) => {
    if (refused) outbox.get(id)!.refused = true;
    else outbox.delete(id);
  };
  const store: SyncStore = {
    getDeviceId: async () => deviceId,
    getDeviceToken: async () => state.token,
    setDeviceToken: async (token) => {
      state.token = token;
    },
    pendingRecords: async (limit) => {
      const batch = [...outbox.values()].filter((e) => !e.refused).slice(0, limit);
      return { records: batch.map((e) => eventRecord(e.event)), highWater: batch.at(-1)?.seq ?? 0 };
    },
    markPushInFlight: async (highWater) => {
      state.inFlight = highWater;
    },
    pushInFlight: async () => state.inFlight,
    settleUpTo: async ({ highWater, refused }: PushMark) => {
      const refusedIds = new Set(refused.map((r) => r.id));
      for (const { event, seq, refused: done } of [...outbox.values()]) {
        if (seq <= highWater && !done) settle(event.id, refusedIds.has(event.id));
      }
      state.inFlight = null;
    },
    pullTargets: async () => [{ kind: 'learning-event' }],
    getPullCursor: async () => state.cursor,
    applyPulled: async (_target, pulled, next) => {
      state.pulled.push(...pulled.flatMap((r) => (r.kind === 'learning-event' ? [r.data] : [])));
      state.cursor = next;
    },
    setLastSyncedAt: async (iso) => {
      state.syncedAt = iso;
    },
  };
  return { store, outbox, state };
}

function acceptingApi(
  overrides: Partial<SyncApi> = {},
): SyncApi & { pushes: PushedRecord[][]; serverMark: PushMark } {
  const pushes: PushedRecord[][] = [];
  const serverMark: PushMark = { highWater: 0, refused: [] };
  return {
    pushes,
    serverMark,
    registerDevice: async () => 'token-'.padEnd(40, 'x'),
    push: async (_token, _device, records, highWater) => {
      pushes.push(records);
      serverMark.highWater = highWater ?? serverMark.highWater;
      return { refused: [] };
    },
    mark: async () => serverMark,
    pull: async (_token, _kind, since) => ({ records: [], nextCursor: since, hasMore: false }),
    ...overrides,
  };
}

function engineWith(api: SyncApi, store: SyncStore) {
  const statuses: SyncStatus[] = [];
  const engine = createSyncEngine({
    api,
    store,
    onStatus: (s) => statuses.push(s),
    batchSize: 4,
    isOnline: () => true,
    random: () => 0.5,
  });
  return { engine, statuses };
}

describe('sync engine', () => {
  it('fetches certificates after a sync, and a failure there does not fail the sync', async () => {
    const { store, outbox } = memoryStore(eventBatch(deviceId, 2));
    const tokens: string[] = [];
    const statuses: SyncStatus[] = [];
    let fail = false;
    const engine = createSyncEngine({
      api: acceptingApi(),
      store,
      onStatus: (s) => statuses.push(s),
      isOnline: () => true,
      afterSync: async (token) => {
        expect(outbox.size).toBe(0);
        tokens.push(token);
        if (fail) throw new TransientSyncError('No connection to the server');
      },
    });
    await engine.syncNow();
    fail = true;
    await engine.syncNow();
    expect(tokens).toEqual(['token-'.padEnd(40, 'x'), 'token-'.padEnd(40, 'x')]);
    expect(statuses.at(-1)).toEqual({ phase: 'idle' });
    engine.stop();
  });

  it('asks what to pull before pulling, after the push, and fails the sync when that fails', async () => {
    const { store, outbox } = memoryStore(eventBatch(deviceId, 2));
    const order: string[] = [];
    const api = acceptingApi({
      pull: async (_token, kind, since) => {
        order.push(`pull ${kind}`);
        return { records: [], nextCursor: since, hasMore: false };
      },
    });
    let fail = false;
    const statuses: SyncStatus[] = [];
    const engine = createSyncEngine({
      api,
      store,
      onStatus: (s) => statuses.push(s),
      isOnline: () => true,
      random: () => 0.5,
      beforePull: async (token) => {
        expect(outbox.size).toBe(0);
        order.push(`before ${token}`);
        if (fail) throw new TransientSyncError('No connection to the server');
      },
    });
    await engine.syncNow();
    expect(order).toEqual([`before ${'token-'.padEnd(40, 'x')}`, 'pull learning-event']);
    fail = true;
    await engine.syncNow();
    expect(order).toHaveLength(3);
    expect(statuses.at(-1)).toMatchObject({ phase: 'retrying' });
    engine.stop();
  });

  it('pushes the whole outbox in batches, then records when it synced', async () => {
    const { store, outbox, state } = memoryStore(eventBatch(deviceId, 10));
    const api = acceptingApi();
    const { engine, statuses } = engineWith(api, store);
    await engine.syncNow();
    expect(api.pushes.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(outbox.size).toBe(0);
    expect(state.syncedAt).not.toBe('');
    expect(statuses.at(-1)).toEqual({ phase: 'idle' });
  });

  it('keeps refused events, with their reason, and does not send them again', async () => {
    const events = eventBatch(deviceId, 3);
    const { store, outbox } = memoryStore(events);
    const api = acceptingApi({
      push: async (_t, _d, batch) => ({
        refused: [
          { kind: 'learning-event', id: batch[0]!.id, reason: 'invalid_record', message: 'no' },
        ],
      }),
    });
    const { engine } = engineWith(api, store);
    await engine.syncNow();
    await engine.syncNow();
    expect([...outbox.values()]).toEqual([{ event: events[0], seq: 1, refused: true }]);
  });

  it('retries later, never loops, when a settled batch stays pending', async () => {
    const { store, outbox } = memoryStore(eventBatch(deviceId, 6));
    store.settleUpTo = async () => {};
    const api = acceptingApi();
    const { engine, statuses } = engineWith(api, store);
    await engine.syncNow();
    expect(api.pushes.map((b) => b.length)).toEqual([4]);
    expect(outbox.size).toBe(6);
    expect(statuses.at(-1)).toMatchObject({
      phase: 'retrying',
      detail: 'The last batch stayed pending',
    });
    engine.stop();
  });

  it('keeps everything and retries later when the connection fails', async () => {
    vi.useFakeTimers();
    try {
      const { store, outbox } = memoryStore(eventBatch(deviceId, 2));
      let fail = true;
      const api = acceptingApi();
      const push = api.push;
      api.push = async (...args) => {
        if (fail) throw new TransientSyncError('No connection to the server');
        return push(...args);
      };
      const { engine, statuses } = engineWith(api, store);
      await engine.syncNow();
      expect(statuses.at(-1)?.phase).toBe('retrying');
      expect(outbox.size).toBe(2);
      fail = false;
      await vi.advanceTimersByTimeAsync(2_000);
      expect(outbox.size).toBe(0);
      expect(statuses.at(-1)).toEqual({ phase: 'idle' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('settles a batch whose answer was lost from the server mark, without sending it again', async () => {
    const events = eventBatch(deviceId, 6);
    const { store, outbox, state } = memoryStore(events);
    const api = acceptingApi();
    const push = api.push;
    let cut = true;
    api.push = async (...args) => {
      await push(...args);
      if (cut) throw new TransientSyncError('The answer never came');
      return { refused: [] };
    };
    const { engine } = engineWith(api, store);
    await engine.syncNow();
    expect(state.inFlight).toBe(4);
    expect(outbox.size).toBe(6);
    cut = false;
    api.serverMark.refused = [
      { kind: 'learning-event', id: events[1]!.id, reason: 'invalid_record', message: 'no' },
    ];
    await engine.syncNow();
    // The first four were settled from the mark (one kept as refused); only the last two went again.
    expect(api.pushes.map((b) => b.length)).toEqual([4, 2]);
    expect([...outbox.values()]).toEqual([{ event: events[1], seq: 2, refused: true }]);
    expect(state.inFlight).toBeNull();
  });

  it('stops and asks for an update when the server speaks a newer protocol', async () => {
    const { store, outbox } = memoryStore(eventBatch(deviceId, 2));
    const refusal = new ServerRefusal('protocol_outdated', 'Update the app', 426);
    const api = acceptingApi({ push: async () => Promise.reject(refusal) });
    const { engine, statuses } = engineWith(api, store);
    await engine.syncNow();
    await engine.syncNow();
    expect(statuses.filter((s) => s.phase === 'outdated')).toHaveLength(1);
    expect(outbox.size).toBe(2);
  });

  it('registers again when the server no longer knows the device token', async () => {
    const { store, state } = memoryStore(eventBatch(deviceId, 1));
    state.token = 'stale-token';
    const api = acceptingApi();
    const push = api.push;
    api.push = async (token, ...rest) => {
      if (token === 'stale-token') throw new ServerRefusal('unauthorized', 'unknown token', 401);
      return push(token, ...rest);
    };
    const { engine } = engineWith(api, store);
    await engine.syncNow();
    expect(state.token).not.toBe('stale-token');
    expect(api.pushes).toHaveLength(1);
  });

  it('pulls page after page, moving the cursor', async () => {
    const { store, state } = memoryStore([]);
    const api = acceptingApi({
      pull: async (_t, _kind, since) => ({
        records: [],
        nextCursor: since + 10,
        hasMore: since < 20,
      }),
    });
    const { engine } = engineWith(api, store);
    await engine.syncNow();
    expect(state.cursor).toBe(30);
  });

  it('skips a class the account may no longer read and still pulls the others, page by page', async () => {
    const { store } = memoryStore([]);
    const cursors = new Map<string, number>();
    store.pullTargets = async () => [
      { kind: 'learning-event' },
      { kind: 'attendance-mark', scope: 'org:class-left' },
      { kind: 'attendance-mark', scope: 'org:class-a' },
    ];
    store.getPullCursor = async (target) => cursors.get(target.scope ?? '') ?? 0;
    store.applyPulled = async (target, _records, next) => {
      cursors.set(target.scope ?? '', next);
    };
    const scopes: (string | undefined)[] = [];
    const api = acceptingApi({
      pull: async (_t, _kind, since, _limit, scope) => {
        scopes.push(scope);
        if (scope === 'org:class-left') throw new ServerRefusal('forbidden', 'Not allowed', 403);
        return { records: [], nextCursor: since + 1, hasMore: since < 1 };
      },
    });
    const { engine, statuses } = engineWith(api, store);
    await engine.syncNow();
    expect(scopes).toEqual([undefined, undefined, 'org:class-left', 'org:class-a', 'org:class-a']);
    expect(cursors.get('org:class-a')).toBe(2);
    expect(statuses.at(-1)).toEqual({ phase: 'idle' });
  });

  it('stops on a refusal of the account’s own records: only an organisation is skipped', async () => {
    const { store } = memoryStore([]);
    const api = acceptingApi({
      pull: async () => {
        throw new ServerRefusal('forbidden', 'Not allowed', 403);
      },
    });
    const { engine, statuses } = engineWith(api, store);
    await engine.syncNow();
    expect(statuses.at(-1)?.phase).toBe('refused');
  });
});
