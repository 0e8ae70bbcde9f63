import { useParams } from 'react-router';
import { useWalkthrough, useWalkthroughProgress } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { readableDate } from '../../lib/dates';
import { useSession } from '../../state/session';
import { ButtonLink } from '../../ui/ButtonLink';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { Checklist } from './Checklist';
import { DoneForReal } from './DoneForReal';
import { practicePath } from './paths';
import { WalkthroughMissing } from './WalkthroughMissing';
import './walkthroughs.css';

/**
 * What the service is, then at once the way into practice (so nobody scrolls past the whole
 * description to find it), then who it is for, what to prepare, the steps, help, the real link.
 */
export function WalkthroughScreen() {
  const { walkthroughId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const profileId = useSession((s) => s.profileId);
  const walkthrough = useWalkthrough(walkthroughId);
  const progress = useWalkthroughProgress(profileId, walkthroughId);
  if (!walkthrough) return <WalkthroughMissing loading={walkthrough === undefined} />;
  const summary: [string, string] = [t('walkthroughs.whatFor'), walkthrough.summary[language]];
  const details = [
    [t('walkthroughs.who'), walkthrough.audience[language]],
    ...(walkthrough.cost ? [[t('walkthroughs.cost'), walkthrough.cost[language]]] : []),
    ...(walkthrough.duration ? [[t('walkthroughs.duration'), walkthrough.duration[language]]] : []),
  ] as [string, string][];
  const facts = [summary, ...details];
  const practised = (progress?.practiceRuns.length ?? 0) > 0;

  return (
    <main className="screen">
      <h1>{walkthrough.title[language]}</h1>
      <p>{summary[1]}</p>
      <ButtonLink to={practicePath(walkthrough.id)} className="button-wide">
        {practised ? t('walkthroughs.practiceAgain') : t('walkthroughs.startPractice')}
      </ButtonLink>
      <dl className="facts">
        {details.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <ReadAloudButton text={facts.map(([term, text]) => `${term}. ${text}`).join('\n')} />
      <p className="muted">
        {t('walkthroughs.asOf', { month: readableDate(walkthrough.asOf, language) })}
      </p>
      <Checklist walkthrough={walkthrough} />
      <h2>{t('walkthroughs.steps')}</h2>
      <ol className="step-list">
        {walkthrough.steps.map((step) => (
          <li key={step.id}>{step.title[language]}</li>
        ))}
      </ol>
      <DoneForReal walkthroughId={walkthrough.id} />
      <section className="settings-group" aria-labelledby="help-heading">
        <h2 id="help-heading">{t('walkthroughs.help')}</h2>
        <p>{walkthrough.help[language]}</p>
        <p>{t('walkthroughs.realService', { name: walkthrough.realService.name[language] })}</p>
        <a
          className="button button-secondary"
          href={walkthrough.realService.url}
          target="_blank"
          rel="noreferrer noopener"
        >
          {t('walkthroughs.openReal')}
        </a>
      </section>
    </main>
  );
}
