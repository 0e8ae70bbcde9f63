import { Link } from 'react-router';
import { useWalkthroughProgressAll, useWalkthroughs } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { walkthroughPath } from './paths';

/** The home screen's list of e-services to practise, with what the person has done. */
export function WalkthroughCards() {
  const { t } = useTranslation();
  const language = useLanguage();
  const profileId = useSession((s) => s.profileId);
  const walkthroughs = useWalkthroughs();
  const progress = useWalkthroughProgressAll(profileId);
  if (!walkthroughs?.length) return null;
  return (
    <section aria-labelledby="walkthroughs-heading">
      <h2 id="walkthroughs-heading">{t('walkthroughs.sectionTitle')}</h2>
      <p className="muted">{t('walkthroughs.sectionHint')}</p>
      <ul className="card-list">
        {walkthroughs.map((walkthrough) => {
          const done = progress?.get(walkthrough.id);
          const runs = done?.practiceRuns.length ?? 0;
          return (
            <li key={walkthrough.id}>
              <Link to={walkthroughPath(walkthrough.id)} className="card walkthrough-card">
                <span className="card-title">{walkthrough.title[language]}</span>
                <span className="card-meta">
                  <span>
                    {runs > 0
                      ? t('walkthroughs.practised', { count: runs })
                      : t('walkthroughs.notPractised')}
                  </span>
                  {done?.doneForReal && (
                    <span className="badge">{t('walkthroughs.doneForReal')}</span>
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
