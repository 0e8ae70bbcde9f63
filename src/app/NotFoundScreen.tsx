import { useTranslation } from '../i18n';
import { ButtonLink } from '../ui/ButtonLink';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen">
      <p>{t('app.errors.pageNotFound')}</p>
      <ButtonLink to="/">{t('app.home')}</ButtonLink>
    </main>
  );
}
