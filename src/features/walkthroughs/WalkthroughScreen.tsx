import { useParams } from 'react-router';
import { useWalkthrough, useWalkthroughProgress } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { ButtonLink } from '../../ui/ButtonLink';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { Checklist } from './Checklist';
import { DoneForReal } from './DoneForReal';
import { practicePath } from './paths';
import { WalkthroughMissing } from './WalkthroughMissing';
import './walkthroughs.css';

/** What the service is, who it is for, what to prepare, the steps, help, and the real link. */
export function WalkthroughScreen() {
  const { walkthroughId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const profileId = useSession((s) => s.profileId);
  const walkthrough = useWalkthrough(walkthroughId);
  const progress = useWalkthroughProgress(profileId, walkthroughId);
  if (!walkthrough) return <WalkthroughMissing loading={walkthrough === undefined} />;
  const facts = [
    [t('walkthroughs.whatFor'), walkthrough.summary[language]],
    [t('walkthroughs.who'), walkthrough.audience[language]],
    ...(walkthrough.cost ? [[t('walkthroughs.cost'), walkthrough.cost[language]]] : []),
    ...(walkthrough.duration ? [[t('walkthroughs.duration'), walkthrough.duration[language]]] : []),
  ] as [string, string][];
  const practised = (progress?.practiceRuns.length ?? 0) > 0;

  return (
    <main className="screen">
      <h1>{walkthrough.title[language]}</h1>
      <dl className="facts">
        {facts.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <ReadAloudButton text={facts.map(([term, text]) => `${term}. ${text}`).join('\n')} />
      <p className="muted">{t('walkthroughs.asOf', { month: walkthrough.asOf })}</p>
      <Checklist walkthrough={walkthrough} />
      <h2>{t('walkthroughs.steps')}</h2>
      <ol className="step-list">
        {walkthrough.steps.map((step) => (
          <li key={step.id}>{step.title[language]}</li>
        ))}
      </ol>
      <ButtonLink to={practicePath(walkthrough.id)} className="button-wide">
        {practised ? t('walkthroughs.practiceAgain') : t('walkthroughs.startPractice')}
      </ButtonLink>
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
