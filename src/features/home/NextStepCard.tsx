import { Link } from 'react-router';
import type { NextStep } from '../../domain/firstPath';
import type { CourseProgress } from '../../domain/progress';
import type { ResumePoint } from '../../domain/course';
import { useLanguage, useTranslation } from '../../i18n';
import type { CourseOutline } from '../../protocol/content';
import { coursePath } from '../learn/paths';
import { ContinueCard } from './ContinueCard';

export interface NextStepCardProps {
  step: NextStep<CourseOutline>;
  progress: CourseProgress | undefined;
  resume: ResumePoint | undefined;
}

/**
 * The first thing on home: "continue" one tap back into a course in progress, or the course to
 * start with (the check's suggestion, else the next one in beginner order), opening the course.
 */
export function NextStepCard({ step, progress, resume }: NextStepCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { course } = step;
  if (step.kind === 'continue') {
    return <ContinueCard course={course} progress={progress} resume={resume} />;
  }
  return (
    <Link to={coursePath(course.id)} className="card continue-card">
      <span className="card-kicker">
        {step.kind === 'suggested' ? t('learn.home.suggested') : t('learn.home.next')}
      </span>
      <span className="card-title">{course.title[language]}</span>
      {course.lessons[0] && (
        <span className="card-text">
          {t('learn.home.firstLesson', { lesson: course.lessons[0].title[language] })}
        </span>
      )}
    </Link>
  );
}
