import { Link, useParams } from 'react-router';
import { continuePoint, lessonsDone, passMark } from '../../domain/course';
import { useResume } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { ButtonLink } from '../../ui/ButtonLink';
import { SaveCourseFile } from '../content/SaveCourseFile';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { ProgressBar } from '../../ui/ProgressBar';
import { LoadingScreen, ScreenMessage } from '../../ui/ScreenMessage';
import { activityPath, lessonPath, quizPath } from './paths';
import { useCourseWithProgress } from './useCourseWithProgress';

export function CourseScreen() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const { course, progress, loading } = useCourseWithProgress(courseId);
  const profileId = useSession((s) => s.profileId);
  const resume = useResume(profileId, courseId);
  if (loading) return <LoadingScreen />;
  if (!course) {
    return (
      <ScreenMessage
        message={t('learn.course.notFound')}
        actionLabel={t('app.home')}
        actionTo="/"
      />
    );
  }
  const done = new Set(progress?.completedLessons ?? []);
  const doneCount = lessonsDone(course, progress);
  const next = continuePoint(course, progress, resume);
  const quizStarted = progress?.quiz.attemptId && Object.keys(progress.quiz.answers).length > 0;
  return (
    <main className="screen">
      <h1>{course.title[language]}</h1>
      <p>{course.summary[language]}</p>
      <ProgressBar
        value={doneCount}
        max={course.lessons.length}
        label={t('learn.course.lessonsDone', { done: doneCount, total: course.lessons.length })}
      />
      <p className="muted">
        {t('learn.course.lessonsDone', { done: doneCount, total: course.lessons.length })}
      </p>
      {next.kind !== 'mastered' && (
        <ButtonLink to={activityPath(course.id, next)} className="button-wide">
          {progress || resume ? t('learn.home.continue') : t('learn.home.start')}
        </ButtonLink>
      )}
      <ReadAloudButton text={`${course.title[language]}. ${course.summary[language]}`} />
      <h2>{t('learn.course.lessons')}</h2>
      <ol className="lesson-list">
        {course.lessons.map((lesson) => (
          <li key={lesson.id}>
            <Link to={lessonPath(course.id, lesson.id)} className="lesson-link">
              <span className="lesson-check" data-done={done.has(lesson.id)} aria-hidden="true" />
              <span className="lesson-name">{lesson.title[language]}</span>
              <span className="muted">
                {done.has(lesson.id)
                  ? t('learn.course.lessonDone')
                  : t('learn.course.minutes', { count: lesson.minutes })}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      <section className="card quiz-card" aria-labelledby="quiz-heading">
        <h2 id="quiz-heading">{t('learn.course.quiz')}</h2>
        <p>
          {t('learn.course.quizIntro', {
            count: course.quiz.questions.length,
            needed: passMark(course),
          })}
        </p>
        {(progress?.quiz.missedQuestions?.length ?? 0) > 0 && (
          <p className="muted">
            {t('learn.course.difficult', { count: progress?.quiz.missedQuestions.length })}
          </p>
        )}
        {progress && progress.quiz.completedAttempts.length > 0 && (
          <p className="muted">
            {progress.quiz.passed ? `${t('learn.course.mastered')} · ` : ''}
            {t('learn.course.bestScore', {
              score: progress.quiz.bestScore,
              total: progress.quiz.total,
            })}
          </p>
        )}
        <ButtonLink to={quizPath(course.id)} variant="secondary">
          {quizStarted ? t('learn.course.continueQuiz') : t('learn.course.startQuiz')}
        </ButtonLink>
      </section>
      <SaveCourseFile packId={course.packId} title={course.title[language]} />
    </main>
  );
}
