import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeContentPacks } from '../../scripts/content/vite-plugin.ts';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The server reads the content packs a build compiled (dist/content). Server tests run without
 * a build too: then the packs alone are compiled into dist/ first, as the build would write them.
 */
export function setup(): void {
  if (existsSync(join(ROOT, 'dist/content/manifest.json'))) return;
  writeContentPacks(join(ROOT, 'content'), join(ROOT, 'dist'));
}
