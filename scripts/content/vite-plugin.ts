import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import {
  CONTENT_PACK_FORMAT,
  outlineOfCourse,
  type ContentManifest,
} from '../../src/protocol/index.ts';
import { compileContent, type CompiledPack } from './compile.ts';

export const MANIFEST_PATH = 'content/manifest.json';

function packPath(compiled: CompiledPack): string {
  return `content/packs/${compiled.pack.id}.${compiled.hash.slice(0, 12)}.json`;
}

function manifestOf(packs: CompiledPack[]): ContentManifest {
  return {
    format: CONTENT_PACK_FORMAT,
    packs: packs.map((compiled) => ({
      id: compiled.pack.id,
      version: compiled.pack.version,
      hash: compiled.hash,
      url: `/${packPath(compiled)}`,
      bytes: Buffer.byteLength(compiled.json),
      lastChecked: compiled.lastChecked,
      courses: compiled.pack.courses.map(outlineOfCourse),
      walkthroughs: compiled.pack.walkthroughs.map(({ id, version, title, summary }) => ({
        id,
        version,
        title,
        summary,
      })),
    })),
  };
}

/** The files a build writes for these packs, by path under the build folder. */
export function contentFiles(
  packs: CompiledPack[],
): { fileName: string; source: string | Uint8Array }[] {
  return [
    ...packs.flatMap((compiled) => [
      { fileName: packPath(compiled), source: compiled.json },
      ...compiled.audio.map((asset) => ({ fileName: asset.fileName, source: asset.source })),
    ]),
    { fileName: MANIFEST_PATH, source: JSON.stringify(manifestOf(packs)) },
  ];
}

/** Writes the content packs alone into a build folder, as the build does (for the server). */
export function writeContentPacks(contentDir: string, buildDir: string): void {
  for (const { fileName, source } of contentFiles(compileContent(contentDir))) {
    const path = join(buildDir, fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
}

/**
 * Compiles content/ into content packs at build time (a broken file fails the build, naming
 * the file and field) and serves the same files in development.
 */
export function contentPacks(
  contentDir = process.env.CONTENT_DIR ?? join(process.cwd(), 'content'),
): Plugin[] {
  let packs: CompiledPack[] = [];
  const build: Plugin = {
    name: 'hoc-so-content-packs',
    apply: 'build',
    buildStart() {
      packs = compileContent(contentDir);
      this.addWatchFile(contentDir);
    },
    generateBundle() {
      for (const file of contentFiles(packs)) this.emitFile({ type: 'asset', ...file });
    },
  };
  const serve: Plugin = {
    name: 'hoc-so-content-packs-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? '';
        if (!url.startsWith('/content/')) return next();
        try {
          const fresh = compileContent(contentDir);
          const audio = fresh.flatMap((c) => c.audio).find((a) => `/${a.fileName}` === url);
          if (audio) {
            response.end(audio.source);
            return;
          }
          const body =
            url === `/${MANIFEST_PATH}`
              ? JSON.stringify(manifestOf(fresh))
              : fresh.find((compiled) => `/${packPath(compiled)}` === url)?.json;
          if (!body) return next();
          response.setHeader('content-type', 'application/json');
          response.end(body);
        } catch (error) {
          response.statusCode = 500;
          response.end((error as Error).message);
        }
      });
    },
  };
  return [build, serve];
}
