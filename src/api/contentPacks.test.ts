// @vitest-environment node
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import type { ContentManifestEntry } from '../protocol';
import { audioUrlsOf, downloadPack, PackDownloadError } from './contentPacks';

const [compiled] = compileContent('content');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('downloading a content pack', () => {
  let server: Server;
  let origin: string;
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = bodies.get(request.url ?? '');
      if (body === undefined) response.statusCode = 404;
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function entryFor(path: string, body: string, hash = sha256(body)): ContentManifestEntry {
    bodies.set(path, body);
    return {
      id: compiled!.pack.id,
      version: compiled!.pack.version,
      hash,
      url: `${origin}${path}`,
      bytes: Buffer.byteLength(body),
      lastChecked: compiled!.lastChecked,
      courses: [],
      walkthroughs: [],
    };
  }

  it('gives the pack whose bytes match the catalogue, telling its progress to the last byte', async () => {
    const entry = entryFor('/good.json', compiled!.json);
    const seen: number[] = [];
    const { pack, bytes } = await downloadPack(entry, (loaded) => seen.push(loaded));
    expect(pack).toEqual(compiled!.pack);
    expect(new TextDecoder().decode(bytes)).toBe(compiled!.json);
    expect(seen.at(-1)).toBe(entry.bytes);
    expect(audioUrlsOf(pack).every((url) => url.startsWith('/content/audio/'))).toBe(true);
  });

  it('refuses bytes that differ from the hash in the catalogue', async () => {
    const altered = compiled!.json.replace('"version":', '"version":1');
    const entry = entryFor('/altered.json', altered, compiled!.hash);
    const failure = await downloadPack(entry, () => {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PackDownloadError);
    expect((failure as PackDownloadError).reason).toBe('altered');
  });

  it('refuses a pack that matches its hash but is not the pack the catalogue names', async () => {
    const other = JSON.stringify({ ...compiled!.pack, id: 'someone-else' });
    const failure = await downloadPack(entryFor('/other.json', other), () => {}).catch(
      (error: unknown) => error,
    );
    expect((failure as PackDownloadError).reason).toBe('altered');
  });

  it('says a missing pack failed, and an unreachable server that the phone is offline', async () => {
    const missing = { ...entryFor('/x.json', '{}'), url: `${origin}/nowhere.json` };
    expect(
      ((await downloadPack(missing, () => {}).catch((e: unknown) => e)) as PackDownloadError)
        .reason,
    ).toBe('failed');
    const unreachable = { ...missing, url: 'http://127.0.0.1:9/pack.json' };
    expect(
      ((await downloadPack(unreachable, () => {}).catch((e: unknown) => e)) as PackDownloadError)
        .reason,
    ).toBe('offline');
  });
});
