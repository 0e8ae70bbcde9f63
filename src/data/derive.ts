import { applyEvent, emptyProgress, isCourseEvent } from '../domain/progress';
import {
  applyWalkthroughEvent,
  emptyWalkthroughProgress,
  isWalkthroughEvent,
} from '../domain/walkthroughProgress';
import type { LearningEvent } from '../protocol';
import { database, type HocSoDatabase } from './db';

/** The derived tables an event can change; a transaction that folds events must include them. */
export function derivedTables(db: HocSoDatabase = database()) {
  return [db.courseProgress, db.walkthroughProgress];
}

/** Folds an event into the derived row it changes. Call inside a transaction on those tables. */
export async function foldIntoDerived(
  event: LearningEvent,
  db: HocSoDatabase = database(),
): Promise<void> {
  if (isCourseEvent(event)) {
    const key: [string, string] = [event.profileId, event.payload.courseId];
    const before = (await db.courseProgress.get(key)) ?? emptyProgress(...key);
    await db.courseProgress.put(applyEvent(before, event));
  } else if (isWalkthroughEvent(event)) {
    const key: [string, string] = [event.profileId, event.payload.walkthroughId];
    const before = (await db.walkthroughProgress.get(key)) ?? emptyWalkthroughProgress(...key);
    await db.walkthroughProgress.put(applyWalkthroughEvent(before, event));
  }
}
