import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** gzip size of the JavaScript a page loads before anything else: its entry and modulepreloads. */
export function firstScreenJs(distDir: string): { files: string[]; bytes: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length,
    0,
  );
  return { files, bytes };
}

/**
 * gzip size of all the JavaScript Vite makes of `entrySource` bundled alone (as a page's only
 * module, minified, as in production).
 */
export async function bundledGzip(name: string, entrySource: string): Promise<number> {
  const root = resolve('bench/out');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, `${name}-`));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="./entry.js"></script>',
  );
  writeFileSync(join(dir, 'entry.js'), entrySource);
  try {
    await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      build: { outDir: join(dir, 'dist'), target: 'es2022' },
    });
    const assets = join(dir, 'dist', 'assets');
    return readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor of the stack: react, react-dom, react-router, dexie, i18next, zustand and
 * workbox-window bundled alone, each used the way an app uses it, with nothing of ours.
 */
export function stackFloorJs(): Promise<number> {
  return bundledGzip(
    'floor',
    `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Routes, Route, Link } from 'react-router';
import { Dexie } from 'dexie';
import i18next from 'i18next';
import { create } from 'zustand';
import { Workbox } from 'workbox-window';
const db = new Dexie('floor'); db.version(1).stores({ items: 'id' });
const useStore = create(() => ({ n: 0 }));
void i18next.init({ lng: 'vi', resources: { vi: { translation: { hi: 'Xin chào' } } } });
new Workbox('/sw.js').register();
function Home() { const n = useStore((s) => s.n); return createElement(Link, { to: '/' }, i18next.t('hi') + n); }
createRoot(document.getElementById('root')).render(
  createElement(BrowserRouter, null, createElement(Routes, null, createElement(Route, { path: '/', element: createElement(Home) }))),
);
db.table('items').toArray();`,
  );
}
