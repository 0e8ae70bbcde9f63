import { useTranslation } from '../i18n';
import { ScreenMessage } from '../ui/ScreenMessage';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <ScreenMessage
      message={t('app.errors.pageNotFound')}
      actionLabel={t('app.home')}
      actionTo="/"
    />
  );
}
