import {
  checkCourseFile,
  encodeCourseFile,
  readCourseFile,
  type CourseFileCheck,
  type PhoneContent,
} from '../domain/content/courseFile';
import { gunzip, gzip } from '../lib/gzip';
import type { ContentPack, ContentSignaturesResponse, PackSignature } from '../protocol';
import { COURSE_FILE_EXTENSION } from '../protocol';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { CatalogueRow, PackRow, PackSourceRow } from './rows';

export async function installedPacks(): Promise<PackRow[]> {
  return database().packs.toArray();
}

/**
 * Installs (or replaces) a content pack: its courses and its row in one transaction, so a
 * pack is either fully there or not at all. Courses the new version dropped are removed;
 * progress is kept, since it belongs to the person, not to the pack.
 */
export async function installPack(
  pack: ContentPack,
  hash: string,
  /** Its exact bytes and catalogue entry, kept so the phone can pass it on as a file. */
  source?: { bytes: Uint8Array; entry: CatalogueRow },
): Promise<void> {
  const db = database();
  const kept = source && {
    id: pack.id,
    hash,
    gzip: await gzip(source.bytes),
    entry: source.entry,
  };
  await guardStorage(() =>
    db.transaction('rw', packTables(db), () => writePack(db, pack, hash, kept)),
  );
}

function packTables(db: HocSoDatabase) {
  return [db.packs, db.courses, db.walkthroughs, db.packSources];
}

/** Writes a pack's courses, walkthroughs and row; call inside a transaction on packTables. */
async function writePack(
  db: HocSoDatabase,
  pack: ContentPack,
  hash: string,
  source: PackSourceRow | undefined,
): Promise<void> {
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
  if (source) await db.packSources.put(source);
  else await db.packSources.delete(pack.id);
}

/**
 * Pins the server's content keys (a key once seen stays; a revocation is kept) and keeps the
 * signature of each pack of its build, so any pack this phone holds can be saved as a file.
 */
export async function saveContentSignatures(answer: ContentSignaturesResponse): Promise<void> {
  const db = database();
  await guardStorage(() =>
    db.transaction('rw', db.contentKeys, db.packSignatures, async () => {
      await db.contentKeys.bulkPut(answer.keys);
      await db.packSignatures.bulkPut(answer.packs);
    }),
  );
}

/** What decides whether a course file may be installed on this phone. */
async function phoneContent(db: HocSoDatabase): Promise<PhoneContent> {
  const [keys, catalogue, installed] = await Promise.all([
    db.contentKeys.toArray(),
    db.catalogue.toArray(),
    db.packs.toArray(),
  ]);
  return { keys, catalogue, installed };
}

/** Why a pack cannot be saved as a file: not on this phone, or no signature of it known yet. */
export type CourseFileUnavailable = 'absent' | 'unsigned';

/** An installed pack as a course file (see src/domain/content/courseFile.ts), with a file name. */
export async function courseFileOf(
  packId: string,
): Promise<{ bytes: Uint8Array; fileName: string } | CourseFileUnavailable> {
  const db = database();
  const [held, source] = await Promise.all([db.packs.get(packId), db.packSources.get(packId)]);
  if (!held || !source || source.hash !== held.hash) return 'absent';
  const signed = await db.packSignatures.get(held.hash);
  if (!signed) return 'unsigned';
  const pack = new TextDecoder().decode(await gunzip(source.gzip));
  const bytes = await encodeCourseFile({ entry: source.entry, signature: signed.signature, pack });
  return { bytes, fileName: `hocso-${packId}-v${held.version}${COURSE_FILE_EXTENSION}` };
}

/** A course file installed (or already there), or why it was refused (and nothing changed). */
export type CourseFileOutcome =
  { ok: true; packId: string; alreadyInstalled: boolean } | Extract<CourseFileCheck, { ok: false }>;

/**
 * Opens a course file: checks it against the phone (signature, hash, catalogue, version) and
 * installs it in one transaction that checks again what it reads, so a refusal, a failure or
 * a full disk leaves the phone exactly as it was. The file's signature is kept with the pack,
 * so this phone can pass it on in turn.
 */
export async function installCourseFile(bytes: Uint8Array): Promise<CourseFileOutcome> {
  const db = database();
  const first = await readCourseFile(bytes, await phoneContent(db));
  if (!first.ok) return first;
  const { file, pack } = first;
  const signature: PackSignature = file.signature;
  const source: PackSourceRow = {
    id: pack.id,
    hash: file.entry.hash,
    gzip: await gzip(new TextEncoder().encode(file.pack)),
    entry: file.entry,
  };
  const tables = [...packTables(db), db.packSignatures, db.contentKeys, db.catalogue];
  return guardStorage(() =>
    db.transaction('rw', tables, async (): Promise<CourseFileOutcome> => {
      const check = checkCourseFile(file, await phoneContent(db));
      if (!check.ok) return check;
      const { id, version, bytes: size, hash } = file.entry;
      await db.packSignatures.put({ id, version, bytes: size, hash, signature });
      if (!check.alreadyInstalled) await writePack(db, pack, hash, source);
      return { ok: true, packId: pack.id, alreadyInstalled: check.alreadyInstalled };
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
  await db.transaction('rw', packTables(db), async () => {
    await db.courses.where('packId').equals(packId).delete();
    await db.walkthroughs.where('packId').equals(packId).delete();
    await db.packs.delete(packId);
    await db.packSources.delete(packId);
  });
}
