import type { PassportCourse, PassportWalkthrough } from '../../protocol';
import { earliest, type CourseProgress } from '../progress';
import type { WalkthroughProgress } from '../walkthroughProgress';

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** What a passport says of a course, from the progress the server folded from its events. */
export function passportCourseOf(progress: CourseProgress): PassportCourse {
  return {
    courseId: progress.courseId,
    completedLessons: progress.completedLessons,
    completedAttempts: progress.quiz.completedAttempts,
    bestScore: progress.quiz.bestScore,
    total: progress.quiz.total,
    passed: progress.quiz.passed,
    ...(progress.masteredAt ? { masteredAt: progress.masteredAt } : {}),
    updatedAt: progress.updatedAt,
  };
}

export function passportWalkthroughOf(progress: WalkthroughProgress): PassportWalkthrough {
  return {
    walkthroughId: progress.walkthroughId,
    practiceRuns: progress.practiceRuns,
    fewestMistakes: progress.fewestMistakes,
    doneForReal: progress.doneForReal,
    assisted: progress.assisted,
    ...(progress.doneAt ? { doneAt: progress.doneAt } : {}),
    updatedAt: progress.updatedAt,
  };
}

/**
 * Adds a passport's course to a profile's progress. Like folding events: idempotent,
 * commutative and monotonic (lessons are never lost, the best score never drops); the quiz
 * attempt in progress on this phone is kept as it is.
 */
export function mergePassportCourse(
  progress: CourseProgress,
  course: PassportCourse,
): CourseProgress {
  const masteredAt = course.masteredAt
    ? earliest(progress.masteredAt, course.masteredAt)
    : progress.masteredAt;
  return {
    ...progress,
    completedLessons: union(progress.completedLessons, course.completedLessons),
    quiz: {
      ...progress.quiz,
      completedAttempts: union(progress.quiz.completedAttempts, course.completedAttempts),
      bestScore: Math.max(progress.quiz.bestScore, course.bestScore),
      total: Math.max(progress.quiz.total, course.total),
      passed: progress.quiz.passed || course.passed,
    },
    updatedAt: later(progress.updatedAt, course.updatedAt),
    ...(masteredAt ? { masteredAt } : {}),
  };
}

/** Adds a passport's walkthrough to a profile's progress, with the same properties. */
export function mergePassportWalkthrough(
  progress: WalkthroughProgress,
  walkthrough: PassportWalkthrough,
): WalkthroughProgress {
  const doneAt = walkthrough.doneAt
    ? earliest(progress.doneAt, walkthrough.doneAt)
    : progress.doneAt;
  const fewest = [progress.fewestMistakes, walkthrough.fewestMistakes].filter(
    (value): value is number => value !== null,
  );
  return {
    ...progress,
    practiceRuns: union(progress.practiceRuns, walkthrough.practiceRuns),
    fewestMistakes: fewest.length > 0 ? Math.min(...fewest) : null,
    doneForReal: progress.doneForReal || walkthrough.doneForReal,
    assisted: progress.assisted || walkthrough.assisted,
    updatedAt: later(progress.updatedAt, walkthrough.updatedAt),
    ...(doneAt ? { doneAt } : {}),
  };
}
