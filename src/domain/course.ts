import type { Course, CourseOutline } from '../protocol/content';
import type { CourseProgress } from './progress';
import { meetsMastery } from './quiz';

export type NextActivity =
  { kind: 'lesson'; lessonId: string } | { kind: 'quiz' } | { kind: 'mastered' };

/** Where a person should go next in a course: the first lesson not done, then the quiz. */
export function nextActivity(
  course: CourseOutline,
  progress: CourseProgress | null | undefined,
): NextActivity {
  if (progress?.quiz.passed) return { kind: 'mastered' };
  const done = new Set(progress?.completedLessons ?? []);
  const lesson = course.lessons.find((l) => !done.has(l.id));
  return lesson ? { kind: 'lesson', lessonId: lesson.id } : { kind: 'quiz' };
}

/** How many of the course's current lessons are done (lessons since removed do not count). */
export function lessonsDone(
  course: CourseOutline,
  progress: CourseProgress | null | undefined,
): number {
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

/** The course a person touched last (learned in or opened) and has not mastered. */
export function courseToContinue<C extends CourseOutline>(
  courses: C[],
  progress: Map<string, CourseProgress>,
  resumes: Map<string, ResumePoint & { at: string }>,
): C | undefined {
  const lastTouched = (id: string) => {
    const learned = progress.get(id)?.updatedAt ?? '';
    const opened = resumes.get(id)?.at ?? '';
    return learned > opened ? learned : opened;
  };
  return courses
    .filter(
      (c) => lastTouched(c.id) !== '' && nextActivity(c, progress.get(c.id)).kind !== 'mastered',
    )
    .sort((a, b) => lastTouched(b.id).localeCompare(lastTouched(a.id)))[0];
}

/** Where a lesson was left open: the place to send someone who taps "continue". */
export interface ResumePoint {
  lessonId: string;
  step: number;
}

/**
 * The exact place to continue a course: the step last open in a lesson not yet finished,
 * otherwise the next activity.
 */
export function continuePoint(
  course: CourseOutline,
  progress: CourseProgress | null | undefined,
  resume: ResumePoint | null | undefined,
): NextActivity & { step?: number } {
  const done = new Set(progress?.completedLessons ?? []);
  const open = resume && course.lessons.some((l) => l.id === resume.lessonId);
  if (open && !done.has(resume.lessonId) && !progress?.quiz.passed) {
    return { kind: 'lesson', lessonId: resume.lessonId, step: resume.step };
  }
  return nextActivity(course, progress);
}
