import type { AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { LearningEvent } from '../src/protocol';

PouchDB.plugin(memory).plugin(http).plugin(replication);
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

/**
 * The peer: the same events, one local PouchDB per device, all replicating at once into
 * pouchdb-server (express-pouchdb, in memory) — how a PouchDB/CouchDB app would sync them.
 */
export async function measurePouchReplication(perDevice: LearningEvent[][]): Promise<number> {
  const app = express();
  app.use(
    '/',
    expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', logPath: '/tmp/hoc-so-pouch.log' }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  const locals = await Promise.all(
    perDevice.map(async (events, i) => {
      const local = new MemoryPouch(`device-${i}-${Date.now()}`);
      await local.bulkDocs(events.map(({ id, ...rest }) => ({ _id: id, ...rest })));
      return local;
    }),
  );
  const start = performance.now();
  await Promise.all(locals.map((local) => local.replicate.to(remote)));
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(locals.map((local) => local.destroy()));
  server.close();
  return perDevice.flat().length / seconds;
}
