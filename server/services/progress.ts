import {
  applyEvent,
  emptyProgress,
  isCourseEvent,
  type CourseProgress,
} from '../../src/domain/progress';
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
  const byAccount = new Map<string, Map<string, CourseProgress>>(
    accountIds.map((id) => [id, new Map()]),
  );
  for (const row of rows) {
    const event = eventOfRow(row);
    if (!isCourseEvent(event)) continue;
    const courses = byAccount.get(row.owner_id.slice('account:'.length))!;
    const courseId = event.payload.courseId;
    courses.set(courseId, applyEvent(courses.get(courseId) ?? emptyProgress('', courseId), event));
  }
  return new Map([...byAccount].map(([id, courses]) => [id, [...courses.values()]]));
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
