// The whole suite — unit, server on PGlite and PostgreSQL, browser tests — ending with the
// line CI reads: "N passed, N failed".
//
// Two Vitest runs side by side: unit and server tests in one, the browser tests in the other.
// One Vitest run takes its projects one after another, and the browser tests (one file at a
// time, much of it waiting on Chromium and throttled links) would then start only after the
// last server test, leaving a core idle for most of the run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('Chromium is missing: installing Debian’s chromium package…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' });
  }
  if (!existsSync(chromium)) {
    console.error(`The browser tests need Chromium at ${chromium} (apt-get install chromium).`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('tests/artifacts', { recursive: true });

const runs = [
  { name: 'unit+server', projects: ['unit', 'server'] },
  { name: 'browser', projects: ['e2e'] },
];

/** Runs one Vitest over `projects`, each output line prefixed with its name; its JSON report. */
function vitest({ name, projects }) {
  const report = `tests/artifacts/vitest-report-${name.replace(/\W/g, '-')}.json`;
  rmSync(report, { force: true });
  const child = spawn(
    'npx',
    [
      'vitest',
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  return new Promise((resolve) => {
    child.on('close', (status) => {
      if (!existsSync(report)) return resolve({ name, status, passed: 0, failed: 1 });
      const result = JSON.parse(readFileSync(report, 'utf8'));
      // A run that failed with no failed test (a file that would not load) counts as one.
      const failed = result.numFailedTests + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
      resolve({
        name,
        status,
        passed: result.numPassedTests,
        failed,
        failures: failuresOf(result),
      });
    });
  });
}

/** Each failed test's file, name and first line of its error, so the tail of a CI log says what failed. */
function failuresOf(result) {
  return result.testResults.flatMap((file) => [
    ...(file.status === 'failed' && file.assertionResults.length === 0
      ? [`${file.name}: ${String(file.message ?? '').split('\n')[0]}`]
      : []),
    ...file.assertionResults
      .filter((test) => test.status === 'failed')
      .map(
        (test) =>
          `${file.name} > ${test.fullName}: ${String(test.failureMessages?.[0] ?? '').split('\n')[0]}`,
      ),
  ]);
}

const started = Date.now();
const results = await Promise.all(runs.map(vitest));
for (const { name, passed, failed, failures = [] } of results) {
  console.log(`${name}: ${passed} passed, ${failed} failed`);
  for (const failure of failures) console.log(`  failed: ${failure.slice(0, 400)}`);
}
console.log(`whole suite: ${Math.round((Date.now() - started) / 1000)} s`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.status === 0) ? 0 : 1);
