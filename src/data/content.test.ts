import { beforeEach, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { newRandomId } from '../lib/ids';
import { outlineOfCourse } from '../protocol';
import { catalogueEntries, installPack, removePack, saveCatalogue } from './content';
import { database } from './db';
import { recordEvent } from './learning';
import type { CatalogueRow } from './rows';

const packs = compileContent('content').slice(0, 2);
const catalogue: CatalogueRow[] = packs.map((compiled) => ({
  id: compiled.pack.id,
  version: compiled.pack.version,
  hash: compiled.hash,
  url: `/content/packs/${compiled.pack.id}.json`,
  bytes: compiled.json.length,
  lastChecked: compiled.lastChecked,
  courses: compiled.pack.courses.map(outlineOfCourse),
  walkthroughs: [],
}));

describe('the catalogue and downloaded packs on the phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('keeps the catalogue of the last build, replacing the one before', async () => {
    await saveCatalogue(catalogue);
    await saveCatalogue(catalogue.slice(1));
    expect((await catalogueEntries()).map((row) => row.id)).toEqual([catalogue[1]!.id]);
  });

  it('removes a pack but never what the person did with it', async () => {
    const [first, second] = packs;
    await installPack(first!.pack, first!.hash);
    await installPack(second!.pack, second!.hash);
    const course = first!.pack.courses[0]!;
    const profileId = newRandomId();
    await recordEvent(profileId, 'lesson.completed', {
      courseId: course.id,
      lessonId: course.lessons[0]!.id,
    });

    await removePack(first!.pack.id);
    const db = database();
    expect(await db.courses.get(course.id)).toBeUndefined();
    expect(await db.packs.get(first!.pack.id)).toBeUndefined();
    expect(await db.courses.get(second!.pack.courses[0]!.id)).toBeDefined();
    expect((await db.courseProgress.get([profileId, course.id]))?.completedLessons).toEqual([
      course.lessons[0]!.id,
    ]);
    expect(await db.events.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});
