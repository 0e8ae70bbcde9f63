import { Link } from 'react-router';
import { continuePoint, type ResumePoint } from '../../domain/course';
import type { CourseProgress } from '../../domain/progress';
import { useLanguage, useTranslation } from '../../i18n';
import type { CourseOutline } from '../../protocol/content';
import { activityPath } from '../learn/paths';

export interface ContinueCardProps {
  course: CourseOutline;
  progress: CourseProgress | undefined;
  resume: ResumePoint | undefined;
}

/** "Continue": one tap back to where the person left off. */
export function ContinueCard({ course, progress, resume }: ContinueCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = continuePoint(course, progress, resume);
  const lesson = next.kind === 'lesson' ? course.lessons.find((l) => l.id === next.lessonId) : null;
  return (
    <Link to={activityPath(course.id, next)} className="card continue-card">
      <span className="card-kicker">{t('learn.home.continue')}</span>
      <span className="card-title">{course.title[language]}</span>
      <span className="card-text">{lesson ? lesson.title[language] : t('learn.course.quiz')}</span>
    </Link>
  );
}
