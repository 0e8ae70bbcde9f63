import { applyEvent, emptyProgress, isCourseEvent } from '../domain/progress';
import {
  applyWalkthroughEvent,
  emptyWalkthroughProgress,
  isWalkthroughEvent,
} from '../domain/walkthroughProgress';
import type { EventOf, LearningEvent } from '../protocol';
import { database, type HocSoDatabase } from './db';

/** The derived tables an event can change; a transaction that folds events must include them. */
export function derivedTables(db: HocSoDatabase = database()) {
  return [db.courseProgress, db.walkthroughProgress, db.certificates];
}

/**
 * A request makes the profile's certificate row for the course wait to be signed; a signed
 * row never goes back to waiting. Of two requests, the later one (UUIDv7) names the holder.
 */
async function foldCertificateRequest(
  event: EventOf<'certificate.requested'>,
  db: HocSoDatabase,
): Promise<void> {
  const before = await db.certificates.get([event.profileId, event.payload.courseId]);
  if (before?.status === 'signed') return;
  if (before && before.requestId > event.id) return;
  await db.certificates.put({
    profileId: event.profileId,
    courseId: event.payload.courseId,
    requestId: event.id,
    holderName: event.payload.holderName,
    status: 'waiting',
  });
}

/** Folds an event into the derived row it changes. Call inside a transaction on those tables. */
export async function foldIntoDerived(
  event: LearningEvent,
  db: HocSoDatabase = database(),
): Promise<void> {
  if (event.type === 'certificate.requested') {
    await foldCertificateRequest(event, db);
  } else if (isCourseEvent(event)) {
    const key: [string, string] = [event.profileId, event.payload.courseId];
    const before = (await db.courseProgress.get(key)) ?? emptyProgress(...key);
    await db.courseProgress.put(applyEvent(before, event));
  } else if (isWalkthroughEvent(event)) {
    const key: [string, string] = [event.profileId, event.payload.walkthroughId];
    const before = (await db.walkthroughProgress.get(key)) ?? emptyWalkthroughProgress(...key);
    await db.walkthroughProgress.put(applyWalkthroughEvent(before, event));
  }
}
