import type { Course } from '../protocol/content';
import type { CourseProgress } from './progress';
import { meetsMastery } from './quiz';

export type NextActivity =
  { kind: 'lesson'; lessonId: string } | { kind: 'quiz' } | { kind: 'mastered' };

/** Where a person should go next in a course: the first lesson not done, then the quiz. */
export function nextActivity(
  course: Course,
  progress: CourseProgress | null | undefined,
): NextActivity {
  if (progress?.quiz.passed) return { kind: 'mastered' };
  const done = new Set(progress?.completedLessons ?? []);
  const lesson = course.lessons.find((l) => !done.has(l.id));
  return lesson ? { kind: 'lesson', lessonId: lesson.id } : { kind: 'quiz' };
}

/** How many of the course's current lessons are done (lessons since removed do not count). */
export function lessonsDone(course: Course, progress: CourseProgress | null | undefined): number {
  const done = new Set(progress?.completedLessons ?? []);
  return course.lessons.filter((l) => done.has(l.id)).length;
}

/** The smallest number of right answers that passes the course's quiz. */
export function passMark(course: Course): number {
  const total = course.quiz.questions.length;
  for (let score = 0; score <= total; score += 1) {
    if (meetsMastery(score, total, course.mastery)) return score;
  }
  return total;
}

/** The course a person touched last and has not mastered, to offer "continue". */
export function courseToContinue<C extends Course>(
  courses: C[],
  progress: Map<string, CourseProgress>,
): C | undefined {
  return courses
    .filter((c) => progress.has(c.id) && nextActivity(c, progress.get(c.id)).kind !== 'mastered')
    .sort((a, b) =>
      (progress.get(b.id)?.updatedAt ?? '').localeCompare(progress.get(a.id)?.updatedAt ?? ''),
    )[0];
}
