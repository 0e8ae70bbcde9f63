import { Link } from 'react-router';
import { lessonsDone } from '../../domain/course';
import type { CourseProgress } from '../../domain/progress';
import { useLanguage, useTranslation } from '../../i18n';
import type { CourseOutline } from '../../protocol/content';
import { ProgressBar } from '../../ui/ProgressBar';
import { coursePath } from '../learn/paths';

export interface CourseCardProps {
  course: CourseOutline;
  progress: CourseProgress | undefined;
}

export function CourseCard({ course, progress }: CourseCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const done = lessonsDone(course, progress);
  const total = course.lessons.length;
  const summary = t('learn.course.lessonsDone', { done, total });
  return (
    <Link to={coursePath(course.id)} className="card course-card">
      <span className="card-title">{course.title[language]}</span>
      <span className="card-text">{course.summary[language]}</span>
      <span className="card-meta">
        <span>{t('learn.course.minutes', { count: course.minutes })}</span>
        <span>{progress?.quiz.passed ? t('learn.course.mastered') : summary}</span>
      </span>
      <ProgressBar value={done} max={total} label={summary} />
    </Link>
  );
}
