import { resolve } from 'node:path';
import { firstScreenJs, stackFloorJs } from './firstScreen';
import { measurePush } from './pushThroughput';

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

  const push = await measurePush();
  console.log(
    `Sync push throughput on ${push.database}, ${push.events} events, batches of 500, 4 devices at once, median of 3 rounds`,
  );
  console.log(`  HTTP push           : ${Math.round(push.httpEventsPerSecond)} events/s`);
  console.log(`  raw multi-row INSERT: ${Math.round(push.rawEventsPerSecond)} events/s`);
  console.log(
    `  ratio               : ${ratio(push.httpEventsPerSecond, push.rawEventsPerSecond)} of raw insert (target ≥ 0.50×)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
