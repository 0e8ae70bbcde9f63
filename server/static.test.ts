import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../scripts/precompress';
import { buildServer } from './app';
import type { Database } from './db/database';
import { freshDatabase } from './testing';

/** A built app in miniature: what `vite build` writes, then the build's precompression step. */
function miniDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hs-dist-'));
  mkdirSync(join(dir, 'assets'));
  const script = `console.log(${JSON.stringify('Học Số '.repeat(400))});\n`;
  writeFileSync(join(dir, 'index.html'), `<!doctype html><p>Học Số</p>${'<!-- -->'.repeat(300)}`);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(dir, 'sw.js'), script);
  writeFileSync(join(dir, 'robots.txt'), readFileSync('public/robots.txt'));
  precompress(dir);
  return dir;
}

describe('serving the built app and the API', () => {
  let db: Database;
  let app: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    dist = miniDist();
    db = await freshDatabase('pglite');
    app = await buildServer({ db, distDir: dist });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends the files compressed at build time: brotli when accepted, else gzip, else plain', async () => {
    const path = '/assets/index-AbC123.js';
    const original = readFileSync(join(dist, 'assets', 'index-AbC123.js'));
    const br = await get(path, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload)).toEqual(original);
    expect(br.rawPayload.length).toBeLessThan(original.length / 5);
    const gzip = await get(path, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload)).toEqual(original);
    const plain = await get(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload).toEqual(original);
  });

  it('keeps cache headers right: hashed assets immutable, the page and the worker revalidated', async () => {
    for (const encoding of ['br', undefined]) {
      expect((await get('/assets/index-AbC123.js', encoding)).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
      expect((await get('/', encoding)).headers['cache-control']).toBe('no-cache');
      expect((await get('/sw.js', encoding)).headers['cache-control']).toBe('no-cache');
      // A deep link answers the page, revalidated too.
      expect((await get('/courses/x', encoding)).headers['cache-control']).toBe('no-cache');
    }
    expect((await get('/', 'br')).headers['content-encoding']).toBe('br');
  });

  it('compresses API answers on the fly', async () => {
    const communes = await get('/api/places/provinces', 'br');
    expect(communes.statusCode).toBe(200);
    expect(communes.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(communes.rawPayload).toString('utf8'))).toBeTruthy();
    const gzip = await get('/api/places/provinces', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
  });

  it('answers /robots.txt with the rules, not the app page', async () => {
    const robots = await get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body).toMatch(/^User-agent: \*$/m);
    expect(robots.body).toMatch(/^Disallow: \/api\/$/m);
  });
});
