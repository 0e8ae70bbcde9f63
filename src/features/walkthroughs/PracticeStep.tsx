import { useState } from 'react';
import { firstProblem, sampleValues, type PracticeValues } from '../../domain/practiceCheck';
import { useLanguage, useTranslation } from '../../i18n';
import type { WalkthroughStep } from '../../protocol/walkthrough';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { PracticeFieldInput } from './PracticeFieldInput';
import './walkthroughs.css';

export interface PracticeStepProps {
  step: WalkthroughStep;
  number: number;
  total: number;
  onMistake: () => void;
  onReveal: () => void;
  onPass: () => void;
}

/** One step: what it is for, then its imitation screen, checked with gentle hints. */
export function PracticeStep({
  step,
  number,
  total,
  onMistake,
  onReveal,
  onPass,
}: PracticeStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<PracticeValues>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const { screen } = step;

  const submit = () => {
    const failing = firstProblem(screen, values);
    if (failing) {
      setProblem(failing.id);
      onMistake();
      document.getElementById(`practice-${failing.id}`)?.focus();
      return;
    }
    onPass();
  };

  const reveal = () => {
    setValues(sampleValues(screen));
    setProblem(null);
    if (!revealed) onReveal();
    setRevealed(true);
  };

  return (
    <>
      <p className="muted">{t('walkthroughs.practice.stepOf', { current: number, total })}</p>
      <h2>{step.title[language]}</h2>
      <p>{step.explain[language]}</p>
      <ReadAloudButton text={`${step.title[language]}. ${step.explain[language]}`} />
      <form
        className="practice-frame"
        aria-label={screen.appBar[language]}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="practice-banner">{t('walkthroughs.practice.banner')}</p>
        <p className="practice-appbar">{screen.appBar[language]}</p>
        <div className="practice-body">
          {screen.intro && <p>{screen.intro[language]}</p>}
          {screen.fields.map((field) => (
            <PracticeFieldInput
              key={field.id}
              field={field}
              value={values[field.id] ?? ''}
              invalid={problem === field.id}
              onChange={(value) => {
                setValues((now) => ({ ...now, [field.id]: value }));
                if (problem === field.id) setProblem(null);
              }}
            />
          ))}
          <Button type="submit" className="button-wide">
            {screen.action[language]}
          </Button>
        </div>
      </form>
      {revealed && <Notice tone="info">{t('walkthroughs.practice.shown')}</Notice>}
      {screen.fields.length > 0 && (
        <Button variant="secondary" className="button-wide" onClick={reveal}>
          {t('walkthroughs.practice.showMe')}
        </Button>
      )}
    </>
  );
}
