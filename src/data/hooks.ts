import { useLiveQuery } from 'dexie-react-hooks';
import { database } from './db';
import { outlineOfCourse, type CourseOutline, type WalkthroughOutline } from '../protocol';
import type {
  CatalogueRow,
  ChecklistRow,
  CredentialsRow,
  CourseRow,
  ProfileRow,
  ProgressRow,
  ResumeRow,
  WalkthroughProgressRow,
  WalkthroughRow,
} from './rows';
import { readMeta } from './meta';

/**
 * Every course of the catalogue, downloaded or not, as its outline (enough to list it and say
 * where to continue), by id; undefined while loading. A downloaded course the catalogue no
 * longer lists is kept in the list.
 */
export function useCourses(): CourseOutline[] | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const listed = (await db.catalogue.toArray()).flatMap((entry) => entry.courses);
    // Whole courses are big: read only those the catalogue does not list (usually none).
    const known = new Set(listed.map((course) => course.id));
    const unlisted = (await db.courses.toCollection().primaryKeys()).filter((id) => !known.has(id));
    const installed = unlisted.length > 0 ? await db.courses.bulkGet(unlisted) : [];
    return byId([
      ...listed,
      ...installed.flatMap((course) => (course ? [outlineOfCourse(course)] : [])),
    ]);
  }, []);
}

/**
 * One course's outline, downloaded or not (from the catalogue, else from the phone); null if
 * neither has it, undefined while loading.
 */
export function useCourseOutline(courseId: string): CourseOutline | null | undefined {
  return useLiveQuery(async () => {
    const db = database();
    for (const entry of await db.catalogue.toArray()) {
      const listed = entry.courses.find((course) => course.id === courseId);
      if (listed) return listed;
    }
    const installed = await db.courses.get(courseId);
    return installed ? outlineOfCourse(installed) : null;
  }, [courseId]);
}

/** One course, null if it is not downloaded, undefined while loading. */
export function useCourse(courseId: string): CourseRow | null | undefined {
  return useLiveQuery(async () => (await database().courses.get(courseId)) ?? null, [courseId]);
}

/** A profile's progress in every course, by course id. */
export function useProfileProgress(profileId: string): Map<string, ProgressRow> | undefined {
  return useLiveQuery(async () => {
    const rows = await database().courseProgress.where('profileId').equals(profileId).toArray();
    return new Map(rows.map((row) => [row.courseId, row]));
  }, [profileId]);
}

/** A profile's progress in one course; null when they have not started it. */
export function useCourseProgress(
  profileId: string,
  courseId: string,
): ProgressRow | null | undefined {
  return useLiveQuery(
    async () => (await database().courseProgress.get([profileId, courseId])) ?? null,
    [profileId, courseId],
  );
}

export interface SyncCounts {
  pending: number;
  /** Pending visit versions: they can be sent only while the team log is unlocked. */
  pendingVisits: number;
  refused: number;
  lastSyncedAt: string | null;
}

/** What is waiting to reach the server and when the device last synced. */
export function useSyncCounts(): SyncCounts | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const [pending, pendingVisits, refused, lastSyncedAt] = await Promise.all([
      db.outbox.where('state').equals('pending').count(),
      db.outbox
        .where('state')
        .equals('pending')
        .filter((row) => row.kind === 'visit-version')
        .count(),
      db.outbox.where('state').equals('refused').count(),
      readMeta('lastSyncedAt'),
    ]);
    return {
      pending,
      pendingVisits,
      refused,
      lastSyncedAt: typeof lastSyncedAt === 'string' ? lastSyncedAt : null,
    };
  }, []);
}

/** Every profile on this device, oldest first. */
export function useProfiles(): ProfileRow[] | undefined {
  return useLiveQuery(() => database().profiles.orderBy('createdAt').toArray(), []);
}

export function useProfile(profileId: string): ProfileRow | null | undefined {
  return useLiveQuery(async () => (await database().profiles.get(profileId)) ?? null, [profileId]);
}

/** Where the profile stopped in a course; null if it never opened a lesson there. */
export function useResume(profileId: string, courseId: string): ResumeRow | null | undefined {
  return useLiveQuery(
    async () => (await database().resume.get([profileId, courseId])) ?? null,
    [profileId, courseId],
  );
}

/** Where the profile stopped in each course, by course id. */
export function useResumes(profileId: string): Map<string, ResumeRow> | undefined {
  return useLiveQuery(async () => {
    const rows = await database().resume.where('profileId').equals(profileId).toArray();
    return new Map(rows.map((row) => [row.courseId, row]));
  }, [profileId]);
}

/** Every walkthrough of the catalogue, downloaded or not, as its outline; by id. */
export function useWalkthroughs(): WalkthroughOutline[] | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const listed = (await db.catalogue.toArray()).flatMap((entry) => entry.walkthroughs);
    const known = new Set(listed.map((walkthrough) => walkthrough.id));
    const unlisted = (await db.walkthroughs.toCollection().primaryKeys()).filter(
      (id) => !known.has(id),
    );
    const installed = unlisted.length > 0 ? await db.walkthroughs.bulkGet(unlisted) : [];
    return byId([
      ...listed,
      ...installed.flatMap((w) =>
        w ? [{ id: w.id, version: w.version, title: w.title, summary: w.summary }] : [],
      ),
    ]);
  }, []);
}

/** One of each id (the first given wins), sorted by id. */
function byId<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A pack of the catalogue and whether this device holds it, and in which version. */
export interface PackState {
  entry: CatalogueRow;
  /** `current`: downloaded and matching the catalogue; `outdated`: an older version is here. */
  state: 'current' | 'outdated' | 'absent';
}

/** Every pack of the catalogue with its state on this device; undefined while loading. */
export function usePackStates(): PackState[] | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const [catalogue, packs] = await Promise.all([db.catalogue.toArray(), db.packs.toArray()]);
    const held = new Map(packs.map((pack) => [pack.id, pack.hash]));
    return catalogue.map((entry) => ({ entry, state: packStateOf(entry, held.get(entry.id)) }));
  }, []);
}

/**
 * The pack that holds a course or walkthrough and its state; null when no pack of the
 * catalogue holds it, undefined while loading.
 */
export function usePackOf(
  kind: 'course' | 'walkthrough',
  itemId: string,
): PackState | null | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const entry = (await db.catalogue.toArray()).find((row) =>
      (kind === 'course' ? row.courses : row.walkthroughs).some((item) => item.id === itemId),
    );
    if (!entry) return null;
    const held = await db.packs.get(entry.id);
    return { entry, state: packStateOf(entry, held?.hash) };
  }, [kind, itemId]);
}

function packStateOf(entry: CatalogueRow, heldHash: string | undefined): PackState['state'] {
  if (heldHash === undefined) return 'absent';
  return heldHash === entry.hash ? 'current' : 'outdated';
}

export function useWalkthrough(id: string): WalkthroughRow | null | undefined {
  return useLiveQuery(async () => (await database().walkthroughs.get(id)) ?? null, [id]);
}

/** A profile's progress with every walkthrough, by walkthrough id. */
export function useWalkthroughProgressAll(
  profileId: string,
): Map<string, WalkthroughProgressRow> | undefined {
  return useLiveQuery(async () => {
    const rows = await database()
      .walkthroughProgress.where('profileId')
      .equals(profileId)
      .toArray();
    return new Map(rows.map((row) => [row.walkthroughId, row]));
  }, [profileId]);
}

export function useWalkthroughProgress(
  profileId: string,
  walkthroughId: string,
): WalkthroughProgressRow | null | undefined {
  return useLiveQuery(
    async () => (await database().walkthroughProgress.get([profileId, walkthroughId])) ?? null,
    [profileId, walkthroughId],
  );
}

export function useChecklist(
  profileId: string,
  walkthroughId: string,
): ChecklistRow | null | undefined {
  return useLiveQuery(
    async () => (await database().checklists.get([profileId, walkthroughId])) ?? null,
    [profileId, walkthroughId],
  );
}

/** The account a profile is signed in to on this device; null when it is not. */
export function useCredentials(profileId: string): CredentialsRow | null | undefined {
  return useLiveQuery(
    async () => (await database().credentials.get(profileId)) ?? null,
    [profileId],
  );
}
