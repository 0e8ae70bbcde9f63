import type { NextActivity } from '../../domain/course';

export const coursePath = (courseId: string) => `/courses/${courseId}`;
export const lessonPath = (courseId: string, lessonId: string, step?: number) =>
  `/courses/${courseId}/lessons/${lessonId}${step && step > 1 ? `?step=${step}` : ''}`;
export const quizPath = (courseId: string) => `/courses/${courseId}/quiz`;

export function activityPath(courseId: string, next: NextActivity & { step?: number }): string {
  if (next.kind === 'lesson') return lessonPath(courseId, next.lessonId, next.step);
  if (next.kind === 'quiz') return quizPath(courseId);
  return coursePath(courseId);
}
