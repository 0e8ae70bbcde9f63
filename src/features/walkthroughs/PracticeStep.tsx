import { useEffect, useRef, useState } from 'react';
import { firstProblem, sampleValues, type PracticeValues } from '../../domain/practiceCheck';
import { useLanguage, useTranslation } from '../../i18n';
import type { WalkthroughStep } from '../../protocol/walkthrough';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { PracticeFieldInput } from './PracticeFieldInput';
import './walkthroughs.css';
import { PracticePointer } from './PracticePointer';
import './practice.css';

export interface PracticeStepProps {
  step: WalkthroughStep;
  onMistake: () => void;
  onReveal: () => void;
  onPass: () => void;
}

/**
 * One step: its title, then at once its imitation screen (in the first screenful of a small
 * phone), then what it is for, with its read-aloud button. Mistakes get gentle hints; "show me" fills in the sample and
 * points at each place to tap, the button last.
 */
export function PracticeStep({ step, onMistake, onReveal, onPass }: PracticeStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<PracticeValues>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const frame = useRef<HTMLFormElement>(null);
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

  // Showing means pointing: bring the first field the pointer marks into view.
  useEffect(() => {
    if (!revealed) return;
    const first = frame.current?.querySelector('[data-pointed="true"]');
    first?.scrollIntoView({ block: 'center' });
  }, [revealed]);

  const tapHere = t('walkthroughs.practice.tapHere');
  return (
    <>
      <h2>{step.title[language]}</h2>
      <form
        ref={frame}
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
              pointer={revealed ? tapHere : undefined}
              onChange={(value) => {
                setValues((now) => ({ ...now, [field.id]: value }));
                if (problem === field.id) setProblem(null);
              }}
            />
          ))}
          <div className="practice-action" data-pointed={revealed}>
            {revealed && <PracticePointer text={tapHere} />}
            <Button type="submit" className="button-wide">
              {screen.action[language]}
            </Button>
          </div>
        </div>
      </form>
      <p>{step.explain[language]}</p>
      <ReadAloudButton text={`${step.title[language]}. ${step.explain[language]}`} />
      {revealed && <Notice tone="info">{t('walkthroughs.practice.shown')}</Notice>}
      {screen.fields.length > 0 && (
        <Button variant="secondary" className="button-wide" onClick={reveal}>
          {t('walkthroughs.practice.showMe')}
        </Button>
      )}
    </>
  );
}
