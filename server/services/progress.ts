import {
  applyEvent,
  emptyProgress,
  isCourseEvent,
  type CourseProgress,
} from '../../src/domain/progress';
import {
  applyWalkthroughEvent,
  emptyWalkthroughProgress,
  isWalkthroughEvent,
  type WalkthroughProgress,
} from '../../src/domain/walkthroughProgress';
import type { LearningEvent } from '../../src/protocol';
import type { Database } from '../db/database';
import { eventOfRow, type EventRecord } from './events';
import { ownerOfAccount } from './principal';

export interface CourseSummary {
  courseId: string;
  lessonsDone: number;
  bestScore: number;
  total: number;
  passed: boolean;
}

/** A person's courses and walkthroughs, by id, as their stored events fold. */
export interface FoldedLearning {
  courses: Map<string, CourseProgress>;
  walkthroughs: Map<string, WalkthroughProgress>;
}

export function emptyLearning(): FoldedLearning {
  return { courses: new Map(), walkthroughs: new Map() };
}

/** Folds one stored event into a person's learning, with the same pure rules the app uses. */
export function foldLearning(learning: FoldedLearning, event: LearningEvent): void {
  if (isCourseEvent(event)) {
    const id = event.payload.courseId;
    learning.courses.set(id, applyEvent(learning.courses.get(id) ?? emptyProgress('', id), event));
  } else if (isWalkthroughEvent(event)) {
    const id = event.payload.walkthroughId;
    const before = learning.walkthroughs.get(id) ?? emptyWalkthroughProgress('', id);
    learning.walkthroughs.set(id, applyWalkthroughEvent(before, event));
  }
}

/**
 * Each account's course progress, folded on the server from its events with the same pure
 * rules the app uses — so a teacher sees exactly what the learner's phones show.
 */
export async function accountProgress(
  db: Database,
  accountIds: string[],
): Promise<Map<string, CourseProgress[]>> {
  const rows = await db.query<Omit<EventRecord, 'server_seq'> & { owner_id: string }>(
    `SELECT owner_id, id, device_id, profile_id, type, payload, occurred_at FROM events
     WHERE owner_id = ANY($1::text[]) ORDER BY server_seq`,
    [accountIds.map(ownerOfAccount)],
  );
  const byAccount = new Map(accountIds.map((id) => [id, emptyLearning()]));
  for (const row of rows) {
    foldLearning(byAccount.get(row.owner_id.slice('account:'.length))!, eventOfRow(row));
  }
  return new Map([...byAccount].map(([id, { courses }]) => [id, [...courses.values()]]));
}

export function summarise(progress: CourseProgress): CourseSummary {
  return {
    courseId: progress.courseId,
    lessonsDone: progress.completedLessons.length,
    bestScore: progress.quiz.bestScore,
    total: progress.quiz.total,
    passed: progress.quiz.passed,
  };
}
