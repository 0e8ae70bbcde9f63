import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/data/db';
import { recordEvent } from '../src/data/learning';
import { getDefaultProfileId } from '../src/data/meta';
import { createDexieSyncStore } from '../src/data/syncStore';
import { createSyncEngine } from '../src/sync/engine';
import { createSyncApi } from '../src/sync/http';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';

const backends = await testBackends();
const dexieSyncStore = createDexieSyncStore();

/** fetch() answered by the server in-process, so the real client talks to the real server. */
function injectFetch(app: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const response = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    return new Response(response.body, { status: response.statusCode });
  }) as typeof fetch;
}

describe.each(backends)('the app’s sync engine against the server on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    await database().delete({ disableAutoOpen: false });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('delivers every recorded event once and empties the outbox', async () => {
    const profileId = await getDefaultProfileId();
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const event = await recordEvent(profileId, 'lesson.completed', {
        courseId: 'smartphone-basics',
        lessonId: `lesson-${i}`,
      });
      ids.push(event.id);
    }
    const engine = createSyncEngine({
      api: createSyncApi('http://app.test', injectFetch(app)),
      store: dexieSyncStore,
      onStatus: () => undefined,
      batchSize: 5,
      isOnline: () => true,
    });
    await engine.syncNow();
    await engine.syncNow();

    const rows = await db.query<{ id: string }>('SELECT id::text AS id FROM events ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([...ids].sort());
    expect(await database().outbox.count()).toBe(0);
    const local = await database().events.toArray();
    expect(local.every((e) => typeof e.serverSeq === 'number')).toBe(true);
    expect(await dexieSyncStore.getPullCursor({ kind: 'learning-event' })).toBeGreaterThan(0);
  });
});
