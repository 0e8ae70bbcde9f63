import { resolve } from 'node:path';
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
import { deviceEvents, DEVICES, measureConcurrentPush } from './concurrentPush';
import { measurePouchReplication } from './pouchPeer';
import { measurePush } from './pushThroughput';
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

  const push = await measurePush();
  console.log(
    `Sync push throughput on ${push.database}, ${push.events} events, batches of 500, 4 devices at once, median of 3 rounds (server in ${push.server})`,
  );
  console.log(`  HTTP push           : ${Math.round(push.httpEventsPerSecond)} events/s`);
  console.log(`  raw multi-row INSERT: ${Math.round(push.rawEventsPerSecond)} events/s`);
  console.log(
    `  ratio               : ${ratio(push.httpEventsPerSecond, push.rawEventsPerSecond)} of raw insert (target ≥ 0.50×)`,
  );
  printCertificates(await measureCertificates());
  printCarryBundle(await measureCarryBundle());
}

async function concurrent(): Promise<void> {
  const events = deviceEvents();
  const ours = await measureConcurrentPush(events);
  const pouch = await measurePouchReplication(events);
  console.log(
    `${DEVICES} devices pushing at once on ${ours.database}, ${ours.events} events (autocannon, batches of 100, server in ${ours.server})`,
  );
  console.log(
    `  HTTP push           : ${Math.round(ours.httpEventsPerSecond)} events/s, per push request p50 ${ours.p50Ms} ms, p99 ${ours.p99Ms} ms (target ≤ 250 ms)`,
  );
  console.log(`  raw multi-row INSERT: ${Math.round(ours.rawEventsPerSecond)} events/s`);
  console.log(`  PouchDB → pouchdb-server (memory): ${Math.round(pouch)} events/s`);
  console.log(
    `  ratios              : ${ratio(ours.httpEventsPerSecond, ours.rawEventsPerSecond)} of raw insert (target ≥ 0.50×), ${ratio(ours.httpEventsPerSecond, pouch)} PouchDB (target ≥ 10×)`,
  );
}

main()
  .then(concurrent)
  .then(async () => printTeamDashboard(await measureTeamDashboard()))
  .then(async () => printDashboardRender(await measureDashboardRender()))
  .then(async () => printClassProgress(await measureClassProgress()))
  .then(async () => printCompliance(await measureCompliance()))
  .then(async () => printProvinceRollup(await measureProvinceRollup()))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
