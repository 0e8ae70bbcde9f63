import { useLiveQuery } from 'dexie-react-hooks';
import { database } from './db';
import type {
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

/** Installed courses, or undefined while loading. */
export function useCourses(): CourseRow[] | undefined {
  return useLiveQuery(() => database().courses.toArray(), []);
}

/** One course, null if it is not installed, undefined while loading. */
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

/** Installed walkthroughs, or undefined while loading. */
export function useWalkthroughs(): WalkthroughRow[] | undefined {
  return useLiveQuery(() => database().walkthroughs.toArray(), []);
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
