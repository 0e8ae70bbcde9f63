import { useTranslation } from '../../i18n';
import { LoadingScreen, ScreenMessage } from '../../ui/ScreenMessage';

/** What a walkthrough screen shows while its walkthrough is read, or when it is not installed. */
export function WalkthroughMissing({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <LoadingScreen />;
  return (
    <ScreenMessage message={t('walkthroughs.notFound')} actionLabel={t('app.home')} actionTo="/" />
  );
}
