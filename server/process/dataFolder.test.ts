import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../testkit/processes';

// A server process on PGlite migrates the 3,321 communes at first start: minutes on a busy machine.
describe('the embedded data folder', () => {
  const running: ServerProcess[] = [];
  let folder = '';
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('is held by the first server process: a second one on it stops with a clear error', async () => {
    folder = await mkdtemp(join(tmpdir(), 'hocso-lock-'));
    const env = { DATA_DIR: join(folder, 'pglite') };
    const first = await startServerProcess(env);
    running.push(first);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    await expect(startServerProcess(env)).rejects.toThrow(/code 1\)[\s\S]*is in use by another/);
    // The first one still answers.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  }, 900_000);
});
