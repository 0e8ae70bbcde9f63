import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { passMark } from '../../domain/course';
import { attemptState, isCorrectChoice, meetsMastery, type AttemptState } from '../../domain/quiz';
import { seededShuffle } from '../../domain/shuffle';
import { newEventId } from '../../lib/ids';
import { useLanguage, useTranslation } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { LoadingScreen, ScreenMessage } from '../../ui/ScreenMessage';
import { CourseCrumb } from './CourseCrumb';
import { QuestionCard } from './QuestionCard';
import { QuizResult } from './QuizResult';
import { useCourseWithProgress } from './useCourseWithProgress';
import { useRecorder } from '../common/useRecorder';

/**
 * The course quiz. Every answer is recorded the moment it is checked, so an attempt survives
 * a reload, a closed browser or an update and resumes at the first unanswered question.
 */
export function QuizScreen() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const { course, progress, loading } = useCourseWithProgress(courseId);
  const { record, error } = useRecorder();
  const [newAttemptId, setNewAttemptId] = useState(newEventId);
  const [retrying, setRetrying] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Each attempt's completion, once written or being written. */
  const completing = useRef(new Map<string, Promise<boolean>>());

  const current = progress?.quiz.attemptId ?? null;
  const completedAttempts = progress?.quiz.completedAttempts ?? [];
  const currentCompleted = current !== null && completedAttempts.includes(current);
  const attemptId = current === null || (currentCompleted && retrying) ? newAttemptId : current;
  const answers = progress && attemptId === current ? progress.quiz.answers : {};
  const quiz = course?.quiz;
  // Each attempt asks the questions in its own order, the same after a reload.
  const questions = quiz ? seededShuffle(quiz.questions, attemptId) : [];
  const state = quiz ? attemptState(questions, answers) : null;
  const completed = completedAttempts.includes(attemptId);
  const mastery = course?.mastery;

  /** Closes an attempt, once: every caller of the same attempt waits for the same write. */
  const complete = useCallback(
    (attempt: string, { score, total }: AttemptState): Promise<boolean> => {
      const closing =
        completing.current.get(attempt) ??
        record('quiz.completed', {
          courseId,
          attemptId: attempt,
          score,
          total,
          passed: mastery !== undefined && meetsMastery(score, total, mastery),
        });
      completing.current.set(attempt, closing);
      return closing;
    },
    [courseId, mastery, record],
  );

  // Repairs an attempt whose every question has an answer but whose completion was cut off,
  // e.g. by the phone switching off between the two writes.
  useEffect(() => {
    if (state?.finished && !completed) void complete(attemptId, state);
  }, [state, completed, attemptId, complete]);

  if (loading) return <LoadingScreen />;
  if (!course || !quiz || !state) {
    return (
      <ScreenMessage
        message={t('learn.course.notFound')}
        actionLabel={t('app.home')}
        actionTo="/"
      />
    );
  }

  const check = async (questionId: string, chosen: string[]) => {
    const question = quiz.questions.find((q) => q.id === questionId)!;
    setBusy(true);
    const correct = isCorrectChoice(question, chosen);
    const saved = await record('quiz.answered', {
      courseId,
      attemptId,
      questionId,
      chosen,
      correct,
    });
    // The last answer closes the attempt before its feedback shows, so leaving the app on
    // seeing it cannot leave a passed quiz unrecorded.
    const after = attemptState(questions, { ...answers, [questionId]: { correct } });
    if (saved && after.finished) await complete(attemptId, after);
    setBusy(false);
    if (saved) setReviewing(questionId);
  };

  const retry = () => {
    setNewAttemptId(newEventId());
    setRetrying(true);
    setReviewing(null);
  };

  const shownId =
    reviewing ?? (state.nextQuestionIndex !== null ? questions[state.nextQuestionIndex]!.id : null);
  const shownIndex = questions.findIndex((q) => q.id === shownId);
  const shown = questions[shownIndex];

  return (
    <main className="screen quiz">
      <CourseCrumb course={course} />
      <h1>{quiz.title[language]}</h1>
      {error && <Notice tone="error">{error}</Notice>}
      {shown ? (
        <QuestionCard
          key={`${attemptId}:${shown.id}`}
          question={shown}
          attemptId={attemptId}
          number={shownIndex + 1}
          total={state.total}
          answer={answers[shown.id]}
          busy={busy}
          onCheck={(chosen) => void check(shown.id, chosen)}
          onNext={() => setReviewing(null)}
          nextLabel={state.finished ? t('learn.quiz.seeResult') : t('learn.quiz.next')}
        />
      ) : (
        <QuizResult
          score={state.score}
          total={state.total}
          needed={passMark(course)}
          passed={meetsMastery(state.score, state.total, course.mastery)}
          courseId={courseId}
          onRetry={retry}
        />
      )}
    </main>
  );
}
