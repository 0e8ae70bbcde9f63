import { MAX_PUSH_BATCH } from '../protocol';
import { ServerRefusal, TransientSyncError, type SyncApi } from './http';
import type { PullTarget, SyncStore } from '../data/syncStoreContract';
import type { SyncStatus } from '../protocol/syncStatus';

/** Where the bearer token comes from: the device's own (default) or a signed-in account's. */
export interface SyncAuth {
  token(): Promise<string>;
  /** The server refused the token: drop it so `token()` gets a new one. */
  forget(): Promise<void>;
}

/** Anonymous devices register once and keep the token the server gave them. */
export function deviceAuth(api: SyncApi, store: SyncStore): SyncAuth {
  return {
    async token() {
      const saved = await store.getDeviceToken();
      if (saved) return saved;
      const fresh = await api.registerDevice(await store.getDeviceId(), await store.deviceKey?.());
      await store.setDeviceToken(fresh);
      return fresh;
    },
    forget: () => store.setDeviceToken(null),
  };
}

export interface SyncEngineOptions {
  api: SyncApi;
  store: SyncStore;
  auth?: SyncAuth;
  onStatus: (status: SyncStatus) => void;
  batchSize?: number;
  pullLimit?: number;
  /** First retry delay after a failure; it doubles up to `maxRetryMs`, with jitter. */
  baseRetryMs?: number;
  maxRetryMs?: number;
  /** Periodic sync while the app is open. */
  intervalMs?: number;
  random?: () => number;
  isOnline?: () => boolean;
  /**
   * Runs after each successful push and pull, with the same token (fetching certificates).
   * Its failure is logged and does not fail the sync: events already reached the server.
   */
  afterSync?: (token: string) => Promise<void>;
  /**
   * Runs before each pull, with the same token, so the store knows what to pull: for an account,
   * the classes and agencies the server says it is in. Its failure fails the sync like a pull's.
   */
  beforePull?: (token: string) => Promise<void>;
  /**
   * Runs before each push, with the same token: records that reached the server another way
   * (carried by another phone) are settled first, so they are not sent again. Its failure is
   * logged and does not fail the sync: the push settles the same records, only sending more.
   */
  beforePush?: (token: string) => Promise<void>;
}

export interface SyncEngine {
  /** Runs one full sync (push everything pending, then pull); joins a sync already running. */
  syncNow(): Promise<void>;
  /** Asks for a sync shortly, e.g. after something was recorded. */
  requestSoon(): void;
  /** Syncs now, on `online`, when the page becomes visible and on a timer. Returns `stop`. */
  start(): () => void;
  /** Cancels planned retries and requested syncs. */
  stop(): void;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { api, store, onStatus } = options;
  const batchSize = options.batchSize ?? MAX_PUSH_BATCH;
  const pullLimit = options.pullLimit ?? 500;
  const baseRetryMs = options.baseRetryMs ?? 2_000;
  const maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);

  let running: Promise<void> | null = null;
  let runAgain = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let soonTimer: ReturnType<typeof setTimeout> | undefined;
  let outdated = false;

  const auth = options.auth ?? deviceAuth(api, store);
  const token = () => auth.token();

  async function pushAll(deviceId: string): Promise<void> {
    // The last batch's answer was lost: ask what the server settled rather than send it again.
    if ((await store.pushInFlight()) !== null) {
      await store.settleUpTo(await api.mark(await token(), deviceId));
    }
    let settledUpTo = 0;
    for (;;) {
      const { records, highWater } = await store.pendingRecords(batchSize);
      if (records.length === 0) return;
      // Settling a batch leaves nothing pending up to its high water: never send it again.
      if (highWater <= settledUpTo) throw new TransientSyncError('The last batch stayed pending');
      await store.markPushInFlight(highWater);
      const { refused } = await api.push(await token(), deviceId, records, highWater);
      // Every record of the batch not refused is stored: the answer does not list it back.
      await store.settleUpTo({ highWater, refused });
      settledUpTo = highWater;
    }
  }

  async function pullTarget(target: PullTarget): Promise<void> {
    for (;;) {
      const since = await store.getPullCursor(target);
      const page = await api.pull(await token(), target.kind, since, pullLimit, target.scope);
      await store.applyPulled(target, page.records, page.nextCursor);
      if (!page.hasMore) break;
    }
  }

  /**
   * Pulls every target. An organisation the account may no longer read (a teacher who left
   * the class) is skipped, so it never stops the sync of everything else.
   */
  async function pullAll(): Promise<void> {
    if (options.beforePull) await options.beforePull(await token());
    for (const target of await store.pullTargets()) {
      try {
        await pullTarget(target);
      } catch (error) {
        const forbidden = error instanceof ServerRefusal && error.code === 'forbidden';
        if (!forbidden || !target.scope) throw error;
        console.warn(`Skipped ${target.kind} of ${target.scope}`, error.message);
      }
    }
  }

  async function beforePush(): Promise<void> {
    if (!options.beforePush) return;
    try {
      await options.beforePush(await token());
    } catch (error) {
      if (error instanceof ServerRefusal && error.code === 'unauthorized') throw error;
      console.warn('Before push', error);
    }
  }

  async function once(): Promise<void> {
    const deviceId = await store.getDeviceId();
    try {
      await beforePush();
      await pushAll(deviceId);
      await pullAll();
    } catch (error) {
      if (error instanceof ServerRefusal && error.code === 'unauthorized') {
        // The server forgot this device (or its token): get a new token, once.
        await auth.forget();
        await beforePush();
        await pushAll(deviceId);
        await pullAll();
      } else {
        throw error;
      }
    }
    await store.setLastSyncedAt(new Date().toISOString());
    if (options.afterSync) {
      try {
        await options.afterSync(await token());
      } catch (error) {
        console.warn('After sync', error);
      }
    }
  }

  function scheduleRetry(): number {
    failures += 1;
    const ceiling = Math.min(maxRetryMs, baseRetryMs * 2 ** (failures - 1));
    const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void syncNow(), delay);
    return Date.now() + delay;
  }

  async function run(): Promise<void> {
    if (outdated) return;
    if (!isOnline()) {
      onStatus({ phase: 'offline' });
      return;
    }
    onStatus({ phase: 'syncing' });
    try {
      await once();
      failures = 0;
      clearTimeout(retryTimer);
      onStatus({ phase: 'idle' });
    } catch (error) {
      if (error instanceof ServerRefusal && error.code === 'protocol_outdated') {
        outdated = true;
        onStatus({ phase: 'outdated', detail: error.message });
      } else if (error instanceof ServerRefusal) {
        onStatus({ phase: 'refused', detail: error.message, retryAt: scheduleRetry() });
      } else if (error instanceof TransientSyncError) {
        onStatus({ phase: 'retrying', detail: error.message, retryAt: scheduleRetry() });
      } else {
        onStatus({ phase: 'retrying', detail: String(error), retryAt: scheduleRetry() });
      }
    }
  }

  function syncNow(): Promise<void> {
    if (running) {
      runAgain = true;
      return running;
    }
    running = (async () => {
      do {
        runAgain = false;
        await run();
      } while (runAgain);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function requestSoon(): void {
    clearTimeout(soonTimer);
    soonTimer = setTimeout(() => void syncNow(), 1_500);
  }

  function start(): () => void {
    const onOnline = () => {
      failures = 0;
      void syncNow();
    };
    const onOffline = () => onStatus({ phase: 'offline' });
    const onVisible = () => {
      if (document.visibilityState === 'visible') void syncNow();
    };
    addEventListener('online', onOnline);
    addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    const interval = setInterval(() => void syncNow(), options.intervalMs ?? 5 * 60_000);
    void syncNow();
    return () => {
      removeEventListener('online', onOnline);
      removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(interval);
      stop();
    };
  }

  function stop(): void {
    clearTimeout(retryTimer);
    clearTimeout(soonTimer);
  }

  return { syncNow, requestSoon, start, stop };
}
