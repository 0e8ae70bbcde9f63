import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCourse } from '../../data/hooks';
import { saveResume } from '../../data/resume';
import { useSession } from '../../state/session';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { useLanguage, useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { LoadingScreen, ScreenMessage } from '../../ui/ScreenMessage';
import { blocksText, TextBlocks } from '../../ui/TextBlocks';
import { CourseCrumb } from './CourseCrumb';
import { coursePath, lessonPath, quizPath } from './paths';
import { useRecorder } from '../common/useRecorder';

/** One lesson, one step at a time; the step is in the URL so a reload keeps the place. */
export function LessonScreen() {
  const { courseId = '', lessonId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const language = useLanguage();
  const course = useCourse(courseId);
  const profileId = useSession((s) => s.profileId);
  const { record, error } = useRecorder();
  const requestedStep = Number(search.get('step')) || 1;

  // Remember the open step, so "continue" brings the person back to exactly this place.
  useEffect(() => {
    if (course?.lessons.some((l) => l.id === lessonId)) {
      void saveResume(profileId, courseId, lessonId, requestedStep);
    }
  }, [course, profileId, courseId, lessonId, requestedStep]);

  if (course === undefined) return <LoadingScreen />;
  const index = course?.lessons.findIndex((l) => l.id === lessonId) ?? -1;
  const lesson = course?.lessons[index];
  if (!course || !lesson) {
    return (
      <ScreenMessage
        message={t('learn.lesson.notFound')}
        actionLabel={t('app.back')}
        actionTo={course ? coursePath(courseId) : '/'}
      />
    );
  }
  const total = lesson.steps.length;
  const stepNumber = Math.min(Math.max(requestedStep, 1), total);
  const step = lesson.steps[stepNumber - 1]!;
  const nextLesson = course.lessons[index + 1];
  const goToStep = (n: number) => setSearch({ step: String(n) });

  const finish = async () => {
    if (!(await record('lesson.completed', { courseId, lessonId }))) return;
    void navigate(nextLesson ? lessonPath(courseId, nextLesson.id) : quizPath(courseId));
  };

  return (
    <main className="screen lesson">
      <CourseCrumb course={course} />
      <h1>{lesson.title[language]}</h1>
      <ProgressBar
        value={stepNumber}
        max={total}
        label={t('learn.lesson.stepOf', { current: stepNumber, total })}
      />
      <p className="muted">{t('learn.lesson.stepOf', { current: stepNumber, total })}</p>
      <article className="step" key={step.id}>
        <h2>{step.title[language]}</h2>
        {step.image && (
          <img className="step-image" src={step.image.src} alt={step.image.alt[language]} />
        )}
        <TextBlocks blocks={step.body[language]} />
        <ReadAloudButton
          text={[step.title[language], ...blocksText(step.body[language])].join('\n')}
          audio={step.audio?.[language]}
        />
      </article>
      {error && <Notice tone="error">{error}</Notice>}
      <nav
        className="step-nav"
        aria-label={t('learn.lesson.stepOf', { current: stepNumber, total })}
      >
        <Button
          variant="secondary"
          disabled={stepNumber === 1}
          onClick={() => goToStep(stepNumber - 1)}
        >
          {t('learn.lesson.previous')}
        </Button>
        {stepNumber < total ? (
          <Button onClick={() => goToStep(stepNumber + 1)}>{t('learn.lesson.next')}</Button>
        ) : (
          <Button onClick={() => void finish()}>{t('learn.lesson.finish')}</Button>
        )}
      </nav>
    </main>
  );
}
