import type { ContentPack } from '../protocol';
import { database } from './db';
import { guardStorage } from './errors';
import type { CatalogueRow, PackRow } from './rows';

export async function installedPacks(): Promise<PackRow[]> {
  return database().packs.toArray();
}

/**
 * Installs (or replaces) a content pack: its courses and its row in one transaction, so a
 * pack is either fully there or not at all. Courses the new version dropped are removed;
 * progress is kept, since it belongs to the person, not to the pack.
 */
export async function installPack(pack: ContentPack, hash: string): Promise<void> {
  const db = database();
  await guardStorage(() =>
    db.transaction('rw', db.packs, db.courses, db.walkthroughs, async () => {
      await db.courses.where('packId').equals(pack.id).delete();
      await db.walkthroughs.where('packId').equals(pack.id).delete();
      await db.courses.bulkPut(pack.courses.map((course) => ({ ...course, packId: pack.id })));
      await db.walkthroughs.bulkPut(pack.walkthroughs.map((w) => ({ ...w, packId: pack.id })));
      await db.packs.put({
        id: pack.id,
        version: pack.version,
        hash,
        installedAt: new Date().toISOString(),
      });
    }),
  );
}

/** The build's catalogue as last installed (every pack, downloaded or not). */
export async function catalogueEntries(): Promise<CatalogueRow[]> {
  return database().catalogue.toArray();
}

/**
 * Replaces the catalogue with this build's (packs already downloaded are not touched); the same
 * catalogue as before is not written again, so screens reading it do not redraw at every start.
 */
export async function saveCatalogue(entries: CatalogueRow[]): Promise<void> {
  const db = database();
  const sameAs = (rows: CatalogueRow[]) =>
    rows.length === entries.length &&
    entries.every((entry) => rows.some((row) => row.id === entry.id && row.hash === entry.hash));
  await guardStorage(() =>
    db.transaction('rw', db.catalogue, async () => {
      if (sameAs(await db.catalogue.toArray())) return;
      await db.catalogue.clear();
      await db.catalogue.bulkPut(entries);
    }),
  );
}

/**
 * Removes a downloaded pack (its courses and walkthroughs) to free space. What the person did
 * — events, progress, certificates, checklists — is theirs and stays; the catalogue still
 * lists the pack, so it can be downloaded again.
 */
export async function removePack(packId: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.packs, db.courses, db.walkthroughs, async () => {
    await db.courses.where('packId').equals(packId).delete();
    await db.walkthroughs.where('packId').equals(packId).delete();
    await db.packs.delete(packId);
  });
}
