import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function waitUntilUp(url: string, name: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not start`);
}

/**
 * A peer's server in its own process, as it runs in production, in a folder of its own so
 * whatever it writes (pouchdb-server leaves log.txt and config.json) stays out of the project.
 */
export function startProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  const cwd = mkdtempSync(join(tmpdir(), 'hoc-so-peer-'));
  return spawn(command, args, { cwd, stdio: 'ignore', env: { ...process.env, ...env } });
}
