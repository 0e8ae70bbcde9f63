import { useCourse, useCourseProgress } from '../../data/hooks';
import { useSession } from '../../state/session';

/** A course and the current profile's progress in it; `loading` until both are read. */
export function useCourseWithProgress(courseId: string) {
  const profileId = useSession((s) => s.profileId);
  const course = useCourse(courseId);
  const progress = useCourseProgress(profileId, courseId);
  return { course, progress, loading: course === undefined || progress === undefined };
}
