import { database } from './db';

/** Remembers the step a profile has open in a course, to reopen it there next time. */
export async function saveResume(
  profileId: string,
  courseId: string,
  lessonId: string,
  step: number,
): Promise<void> {
  await database().resume.put({
    profileId,
    courseId,
    lessonId,
    step,
    at: new Date().toISOString(),
  });
}
