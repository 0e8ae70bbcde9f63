import { useEffect, useRef } from 'react';
import { saveFirstPath } from '../../data/profiles';
import type { CourseOutline } from '../../protocol/content';
import {
  CHECK_QUESTIONS,
  checkScore,
  suggestCourse,
  type CheckAnswers,
  type Goal,
} from '../../domain/firstPath';
import { useLanguage, useTranslation } from '../../i18n';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { coursePath } from '../learn/paths';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';

export interface CheckResultProps {
  goal: Goal;
  answers: CheckAnswers;
  /** Installed courses; undefined while they load. */
  courses: CourseOutline[] | undefined;
  profileId: string;
}

/** The course to start with, one tap away; the answer is saved with the profile once known. */
export function CheckResult({ goal, answers, courses, profileId }: CheckResultProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const suggested =
    courses &&
    suggestCourse(
      answers,
      goal,
      courses.map((c) => c.id),
    );
  const course = courses?.find((c) => c.id === suggested);
  const score = checkScore(answers);
  const otpAtRisk = answers.otp === 'read';

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (!suggested) return;
    saveFirstPath(profileId, { goal, answers, suggested, at: new Date().toISOString() }).catch(
      (failure: unknown) => console.error('Could not keep the first path', failure),
    );
  }, [profileId, goal, answers, suggested]);

  return (
    <main className="screen welcome">
      <h1 ref={heading} tabIndex={-1}>
        {t('welcome.result.title')}
      </h1>
      {otpAtRisk && <Notice tone="warning">{t('welcome.result.otpWarning')}</Notice>}
      {course && (
        <section className="card welcome-result" aria-labelledby="suggested-title">
          <span id="suggested-title" className="card-title">
            {course.title[language]}
          </span>
          <span className="card-text">{course.summary[language]}</span>
          <ReadAloudButton text={`${course.title[language]}. ${course.summary[language]}`} />
          <ButtonLink to={coursePath(course.id)} className="button-wide">
            {t('welcome.result.start')}
          </ButtonLink>
        </section>
      )}
      <p className="muted">{t('welcome.result.score', { score, total: CHECK_QUESTIONS.length })}</p>
      <ButtonLink to="/" variant="secondary" className="button-wide">
        {t('welcome.result.all')}
      </ButtonLink>
    </main>
  );
}
