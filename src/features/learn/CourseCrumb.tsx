import { Link } from 'react-router';
import { useLanguage } from '../../i18n';
import type { CourseOutline } from '../../protocol/content';
import { coursePath } from './paths';

/** The way back to the course page, above a lesson or the quiz. */
export function CourseCrumb({ course }: { course: CourseOutline }) {
  const language = useLanguage();
  return (
    <p className="kicker">
      <Link to={coursePath(course.id)} className="crumb">
        {course.title[language]}
      </Link>
    </p>
  );
}
