import { useTranslation } from '../../i18n';
import { ButtonLink } from '../../ui/ButtonLink';
import { OpenPassport } from './OpenPassport';
import './passport.css';

/**
 * A new phone's "Tôi có hồ sơ học tập": the person opens the passport they brought, sees it is
 * genuine, and it becomes this phone's first learner (`onAdded` opens them).
 */
export function PassportArrivalScreen({ onAdded }: { onAdded: (profileId: string) => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen">
      <h1>{t('certificates.passport.arrivalTitle')}</h1>
      <p>{t('certificates.passport.arrivalHint')}</p>
      <OpenPassport onAdded={onAdded} />
      <ButtonLink to="/" variant="quiet" className="button-wide">
        {t('app.back')}
      </ButtonLink>
    </main>
  );
}
