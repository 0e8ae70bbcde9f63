import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  contentManifestSchema,
  contentPackSchema,
  type ContentManifest,
  type ContentPack,
  type Course,
} from '../../src/protocol';

/** The build's output: the app, and beside it the content packs it compiled (content/…). */
const BUILD_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

function readBuilt(path: string): unknown {
  try {
    return JSON.parse(readFileSync(join(BUILD_DIR, path), 'utf8'));
  } catch (error) {
    throw new Error(
      `The server reads the content packs the build compiled, and cannot read ` +
        `dist/${path} (${(error as Error).message}): run npm run build first.`,
    );
  }
}

let manifest: ContentManifest | undefined;

/** The catalogue the build compiled (the one the app installs), read once. */
export function builtManifest(): ContentManifest {
  manifest ??= contentManifestSchema.parse(readBuilt('content/manifest.json'));
  return manifest;
}

let packs: ContentPack[] | undefined;

/** The packs the build compiled from content/ (the same files the app downloads), read once. */
function builtPacks(): ContentPack[] {
  packs ??= builtManifest().packs.map((entry) =>
    contentPackSchema.parse(readBuilt(entry.url.slice(1))),
  );
  return packs;
}

let catalog: Map<string, Course> | undefined;

/** The courses with their answer keys: the server scores quizzes itself. */
export function courseCatalog(): Map<string, Course> {
  catalog ??= new Map(
    builtPacks().flatMap((pack) => pack.courses.map((course) => [course.id, course] as const)),
  );
  return catalog;
}

let titles: Map<string, string> | undefined;

/** The Vietnamese title of every course and walkthrough, by `kind:id`, for exports. */
export function contentTitles(): ReadonlyMap<string, string> {
  titles ??= new Map(
    builtPacks().flatMap((pack) => [
      ...pack.courses.map((c) => [`course:${c.id}`, c.title.vi] as const),
      ...pack.walkthroughs.map((w) => [`walkthrough:${w.id}`, w.title.vi] as const),
    ]),
  );
  return titles;
}
