import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { POSTGRES_POOL_SIZE } from '../server/db/database';
import { measureCarryBundle, printCarryBundle } from './carryBundle';
import { measureCertificates, printCertificates } from './certificates';
import { measureClassProgress, printClassProgress } from './classProgress';
import {
  measureCompliance,
  measureProvinceRollup,
  printCompliance,
  printProvinceRollup,
} from './compliance';
import { measureCourseFiles, printCourseFiles } from './courseFiles';
import { firstScreenJs, stackFloorJs } from './firstScreen';
import { measureFirstVisit, printFirstVisit } from './firstVisit';
import { BATCH, deviceEvents, DEVICES, measureConcurrentPush } from './concurrentPush';
import { measurePouchReplication } from './pouchPeer';
import { measurePush, type ComparedFigures } from './pushThroughput';
import type { Spread } from './samples';
import { measureTeamDashboard, printTeamDashboard } from './teamDashboard';
import { measureDashboardRender, printDashboardRender } from './teamDashboardRender';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** `npm run bench`: figures measured side by side in one run. Never asserted in tests. */
async function main(): Promise<void> {
  const first = firstScreenJs(resolve('dist'));
  const floor = await stackFloorJs();
  console.log('First screen JavaScript (gzip)');
  console.log(`  Học Số first screen : ${kb(first.bytes)} (${first.files.join(', ')})`);
  console.log(
    `  stack floor alone   : ${kb(floor)} (react, react-dom, react-router, dexie, i18next, zustand, workbox-window)`,
  );
  console.log(`  ratio               : ${ratio(first.bytes, floor)} of the floor (target ≤ 1.30×)`);
  printFirstVisit(await measureFirstVisit());
  printCourseFiles(await measureCourseFiles());

  await pushFromFourDevices();
  printCertificates(await measureCertificates());
  printCarryBundle(await measureCarryBundle());
}

async function pushFromFourDevices(): Promise<void> {
  const push = await measurePush();
  console.log(
    `Sync push throughput on ${push.database}, ${push.events} events a run in ${push.requests} pushes (batches of 500), 4 devices at once, median of ${push.runs} runs alternated with raw after a warm-up (autocannon, server in ${push.server})`,
  );
  printSides(push);
  console.log(
    `  ratio               : ${ratio(push.ratio.median, 1)} of raw insert (pairs ${spread(push.ratio, 2)}×) (target ≥ 0.50×)`,
  );
}

async function pushFromHundredDevices(): Promise<void> {
  const ours = await measureConcurrentPush();
  const pouch = await measurePouchReplication(deviceEvents());
  console.log(
    `${DEVICES} devices pushing at once on ${ours.database}, ${ours.events} events a run in ${ours.requests} pushes, median of ${ours.runs} runs alternated with raw after a warm-up (autocannon, batches of ${BATCH}, server in ${ours.server})`,
  );
  printSides(ours, ' (target ≤ 250 ms)');
  const inFlight = DEVICES * BATCH;
  const floorMs = (inFlight / ours.raw.eventsPerSecond.median) * 1000;
  console.log(
    `  Little's law        : ${inFlight} events in flight ÷ raw's pace = ${Math.round(floorMs)} ms a request at 1.00× raw, ${Math.round(floorMs * 2)} ms at 0.50×`,
  );
  console.log(`  PouchDB → pouchdb-server (memory): ${Math.round(pouch)} events/s`);
  console.log(
    `  ratios              : ${ratio(ours.ratio.median, 1)} of raw insert (pairs ${spread(ours.ratio, 2)}×) (target ≥ 0.50×), ${ratio(ours.http.eventsPerSecond.median, pouch)} PouchDB (target ≥ 10×)`,
  );
}

const spread = (s: Spread, digits: number) => `${s.min.toFixed(digits)}–${s.max.toFixed(digits)}`;

/** Each side's throughput (median and range of the runs) and its latency per request. */
function printSides(f: ComparedFigures, latencyTarget = ''): void {
  const rate = (s: Spread) => `${Math.round(s.median)} events/s (${spread(s, 0)})`;
  console.log(
    `  HTTP push           : ${rate(f.http.eventsPerSecond)}, per push request p50 ${Math.round(f.http.p50Ms)} ms, p99 ${Math.round(f.http.p99Ms)} ms${latencyTarget}`,
  );
  console.log(
    `  raw multi-row INSERT: ${rate(f.raw.eventsPerSecond)}, per insert p50 ${Math.round(f.raw.p50Ms)} ms, p99 ${Math.round(f.raw.p99Ms)} ms (pool of ${POSTGRES_POOL_SIZE})`,
  );
  printCpu(f);
}

/**
 * Where the CPU went, per event, and the ratio it allows: on a machine whose every core is busy
 * on both sides, throughput is cores ÷ CPU per event, so ours can reach raw's CPU ÷ ours.
 */
function printCpu({ http, raw }: ComparedFigures): void {
  if (!http.cpuPerEvent || !raw.cpuPerEvent) return;
  const us = (n: number) => `${n.toFixed(1)} µs`;
  const ours = http.cpuPerEvent;
  const oursSum = ours.client + ours.server + ours.database;
  // The server idles while raw inserts run: raw's work is its driver's and PostgreSQL's.
  const theirs = raw.cpuPerEvent;
  const theirsSum = theirs.client + theirs.database;
  console.log(
    `  CPU per event       : push — bench ${us(ours.client)}, server ${us(ours.server)}, PostgreSQL ${us(ours.database)} (${us(oursSum)}); raw — bench ${us(theirs.client)}, PostgreSQL ${us(theirs.database)} (${us(theirsSum)})`,
  );
  console.log(
    `  CPU-bound ceiling   : ${ratio(theirsSum, oursSum)} of raw with every core busy on both sides (${availableParallelism()} cores)`,
  );
}

/** `npm run bench:push` runs only the two push benches. */
const run =
  process.argv[2] === 'push'
    ? pushFromFourDevices().then(pushFromHundredDevices)
    : main()
        .then(pushFromHundredDevices)
        .then(async () => printTeamDashboard(await measureTeamDashboard()))
        .then(async () => printDashboardRender(await measureDashboardRender()))
        .then(async () => printClassProgress(await measureClassProgress()))
        .then(async () => printCompliance(await measureCompliance()))
        .then(async () => printProvinceRollup(await measureProvinceRollup()));

run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
