import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { LearningEvent } from '../src/protocol';
import { freePort, startProcess, waitUntilUp } from './processes';

PouchDB.plugin(memory).plugin(http).plugin(replication);
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

function serverScript(): string {
  const packageJson = createRequire(import.meta.url).resolve('pouchdb-server/package.json');
  return join(dirname(packageJson), 'bin', 'pouchdb-server');
}

/**
 * The peer: the same events, one local PouchDB per device, all replicating at once into
 * pouchdb-server (from npm, in memory, its own process) — how a PouchDB/CouchDB app syncs.
 */
export async function measurePouchReplication(perDevice: LearningEvent[][]): Promise<number> {
  const port = await freePort();
  const server = startProcess(process.execPath, [
    serverScript(),
    '--in-memory',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--no-stdout-logs',
  ]);
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/`, 'pouchdb-server');
    const locals = await Promise.all(
      perDevice.map(async (events, i) => {
        const local = new MemoryPouch(`device-${i}-${Date.now()}`);
        await local.bulkDocs(events.map(({ id, ...rest }) => ({ _id: id, ...rest })));
        return local;
      }),
    );
    const start = performance.now();
    await Promise.all(locals.map((local) => local.replicate.to(`http://127.0.0.1:${port}/events`)));
    const seconds = (performance.now() - start) / 1000;
    await Promise.all(locals.map((local) => local.destroy()));
    return perDevice.flat().length / seconds;
  } finally {
    server.kill();
  }
}
