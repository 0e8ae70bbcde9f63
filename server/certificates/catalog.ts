import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentManifestSchema, contentPackSchema, type Course } from '../../src/protocol';

/** The build's output: the app, and beside it the content packs it compiled (content/…). */
const BUILD_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

let catalog: Map<string, Course> | undefined;

function readBuilt(path: string): unknown {
  try {
    return JSON.parse(readFileSync(join(BUILD_DIR, path), 'utf8'));
  } catch (error) {
    throw new Error(
      `The server scores quizzes with the content packs the build compiled, and cannot read ` +
        `dist/${path} (${(error as Error).message}): run npm run build first.`,
    );
  }
}

/**
 * The courses with their answer keys, read once per process from the packs that the build
 * compiled from content/ (the same files the app downloads): the server scores quizzes itself.
 */
export function courseCatalog(): Map<string, Course> {
  catalog ??= new Map(
    contentManifestSchema
      .parse(readBuilt('content/manifest.json'))
      .packs.flatMap((entry) => contentPackSchema.parse(readBuilt(entry.url.slice(1))).courses)
      .map((course) => [course.id, course] as const),
  );
  return catalog;
}
