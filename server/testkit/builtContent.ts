import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileContent } from '../../scripts/content/compile.ts';
import { contentFiles } from '../../scripts/content/vite-plugin.ts';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The server reads the content packs a build compiled (dist/content). Server tests run without
 * a build too: then the packs alone are compiled into dist/ first, as the build would write them.
 */
export function setup(): void {
  if (existsSync(join(ROOT, 'dist/content/manifest.json'))) return;
  for (const { fileName, source } of contentFiles(compileContent(join(ROOT, 'content')))) {
    const path = join(ROOT, 'dist', fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
}
