import { fileURLToPath } from 'node:url';
import type { Course } from '../../src/protocol';
import { compileContent } from '../../scripts/content/compile.ts';

const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

let catalog: Map<string, Course> | undefined;

/**
 * The courses with their answer keys, compiled from content/ by the same compiler and schemas
 * as the app's build, once per process: the server scores quizzes itself.
 */
export function courseCatalog(): Map<string, Course> {
  catalog ??= new Map(
    compileContent(CONTENT_DIR).flatMap(({ pack }) => pack.courses.map((c) => [c.id, c] as const)),
  );
  return catalog;
}

let titles: Map<string, string> | undefined;

/** The Vietnamese title of every course and walkthrough, by `kind:id`, for exports. */
export function contentTitles(): ReadonlyMap<string, string> {
  titles ??= new Map(
    compileContent(CONTENT_DIR).flatMap(({ pack }) => [
      ...pack.courses.map((c) => [`course:${c.id}`, c.title.vi] as const),
      ...pack.walkthroughs.map((w) => [`walkthrough:${w.id}`, w.title.vi] as const),
    ]),
  );
  return titles;
}
