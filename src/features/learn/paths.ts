import type { NextActivity } from '../../domain/course';

export const coursePath = (courseId: string) => `/courses/${courseId}`;
export const lessonPath = (courseId: string, lessonId: string) =>
  `/courses/${courseId}/lessons/${lessonId}`;
export const quizPath = (courseId: string) => `/courses/${courseId}/quiz`;

export function activityPath(courseId: string, next: NextActivity): string {
  if (next.kind === 'lesson') return lessonPath(courseId, next.lessonId);
  if (next.kind === 'quiz') return quizPath(courseId);
  return coursePath(courseId);
}
