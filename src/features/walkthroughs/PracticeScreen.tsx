import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useWalkthrough } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { useRecorder } from '../common/useRecorder';
import { walkthroughPath } from './paths';
import { WalkthroughMissing } from './WalkthroughMissing';
import { PracticeStep } from './PracticeStep';

/**
 * A practice run through every step's imitation screen. The step is in the URL, so a reload
 * keeps the place; finishing records a `walkthrough.practised` event with the mistakes made
 * and the steps where the person asked to be shown.
 */
export function PracticeScreen() {
  const { walkthroughId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const walkthrough = useWalkthrough(walkthroughId);
  const { record, error } = useRecorder();
  const tally = useRef({ mistakes: 0, revealed: 0 });
  const [finished, setFinished] = useState<{ mistakes: number; revealed: number } | null>(null);
  const stepParam = search.get('step');
  // Each step opens at its top, so its imitation screen is in the first screenful; tapping
  // "Bắt đầu luyện tập" further down a page must not leave the practice scrolled away.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [stepParam]);
  if (!walkthrough) return <WalkthroughMissing loading={walkthrough === undefined} />;
  const total = walkthrough.steps.length;
  const number = Math.min(Math.max(Number(search.get('step')) || 1, 1), total);
  const step = walkthrough.steps[number - 1]!;

  const pass = async () => {
    if (number < total) {
      setSearch({ step: String(number + 1) });
      return;
    }
    const result = { ...tally.current };
    if (await record('walkthrough.practised', { walkthroughId, ...result })) setFinished(result);
  };

  return (
    <main className="screen practice">
      <h1>{walkthrough.title[language]}</h1>
      <div className="practice-progress">
        <ProgressBar
          value={finished ? total : number - 1}
          max={total}
          label={t('walkthroughs.practice.stepOf', { current: number, total })}
        />
        {!finished && (
          <span className="muted">
            {t('walkthroughs.practice.stepOf', { current: number, total })}
          </span>
        )}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {finished ? (
        <section className="result" aria-live="polite">
          <h2>{t('walkthroughs.practice.finishedTitle')}</h2>
          <p>{t('walkthroughs.practice.finishedText', { total, ...finished })}</p>
          <ButtonLink to={walkthroughPath(walkthroughId)} className="button-wide">
            {t('walkthroughs.practice.back')}
          </ButtonLink>
        </section>
      ) : (
        <>
          <PracticeStep
            key={step.id}
            step={step}
            onMistake={() => {
              tally.current.mistakes += 1;
            }}
            onReveal={() => {
              tally.current.revealed += 1;
            }}
            onPass={() => void pass()}
          />
          <ButtonLink to={walkthroughPath(walkthroughId)} variant="quiet" className="button-wide">
            {t('walkthroughs.practice.exit')}
          </ButtonLink>
        </>
      )}
    </main>
  );
}
