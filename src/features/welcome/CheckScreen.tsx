import { useEffect, useRef, useState } from 'react';
import { useCourses } from '../../data/hooks';
import { CHECK_QUESTIONS, GOALS, type CheckAnswers, type Goal } from '../../domain/firstPath';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { ChoiceList } from './ChoiceList';
import { CheckResult } from './CheckResult';
import { WelcomePicture } from './pictures';
import './welcome.css';

type Step = { kind: 'goal' } | { kind: 'question'; index: number } | { kind: 'result' };

/**
 * What the person wants to do, then five quick questions, one per screen, each answered with
 * one tap; then the course to start with. The answer is kept with the profile.
 */
export function CheckScreen() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const courses = useCourses();
  const [step, setStep] = useState<Step>({ kind: 'goal' });
  const [goal, setGoal] = useState<Goal>('unknown');
  const [answers, setAnswers] = useState<CheckAnswers>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const stepKey = step.kind === 'question' ? `q${step.index}` : step.kind;

  // Each step is a new screen: a screen reader starts reading at its heading.
  useEffect(() => {
    if (stepKey !== 'goal') heading.current?.focus();
  }, [stepKey]);

  if (step.kind === 'result') {
    return <CheckResult goal={goal} answers={answers} courses={courses} profileId={profileId} />;
  }

  const back = () => {
    if (step.kind === 'question' && step.index > 0)
      setStep({ kind: 'question', index: step.index - 1 });
    else setStep({ kind: 'goal' });
  };

  if (step.kind === 'goal') {
    const choices = GOALS.map((id) => ({ id, label: t(`welcome.goal.${id}`), picture: id }));
    return (
      <main className="screen welcome">
        <h1 id="goal-title" ref={heading} tabIndex={-1}>
          {t('welcome.goal.title')}
        </h1>
        <p className="muted">{t('welcome.goal.hint')}</p>
        <ReadAloudButton
          text={[t('welcome.goal.title'), ...choices.map((c) => c.label)].join('\n')}
        />
        <ChoiceList
          labelledBy="goal-title"
          choices={choices}
          onChoose={(chosen) => {
            setGoal(chosen);
            setStep({ kind: 'question', index: 0 });
          }}
        />
      </main>
    );
  }

  const question = CHECK_QUESTIONS[step.index]!;
  const prompt = t(`welcome.check.prompts.${question.id}`);
  const choices = question.options.map((id) => ({ id, label: t(`welcome.check.answers.${id}`) }));
  return (
    <main className="screen welcome">
      <h1 ref={heading} tabIndex={-1}>
        {t('welcome.check.title')}
      </h1>
      <p className="muted">
        {t('welcome.check.counter', { current: step.index + 1, total: CHECK_QUESTIONS.length })}
      </p>
      <div className="welcome-question">
        <WelcomePicture name={question.id} size={72} />
        <p id="check-prompt" className="welcome-prompt">
          {prompt}
        </p>
      </div>
      <ReadAloudButton text={[prompt, ...choices.map((c) => c.label)].join('\n')} />
      <ChoiceList
        labelledBy="check-prompt"
        choices={choices}
        onChoose={(chosen) => {
          setAnswers((now) => ({ ...now, [question.id]: chosen }));
          const next = step.index + 1;
          setStep(
            next < CHECK_QUESTIONS.length ? { kind: 'question', index: next } : { kind: 'result' },
          );
        }}
      />
      {step.index === 0 && <p className="muted">{t('welcome.check.hint')}</p>}
      <Button variant="quiet" className="button-wide" onClick={back}>
        {t('welcome.back')}
      </Button>
    </main>
  );
}
