import { useSearchParams } from 'react-router';
import { useCredentials } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Notice } from '../../ui/Notice';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { JoinForm } from '../orgs/JoinForm';
import { SignInForm } from './SignInForm';

/**
 * Where a join QR's link lands (`/join?code=…`), read by the app's scanner or a phone's own
 * camera: sign in first if needed, the code is kept, then join with one tap.
 */
export function JoinScreen() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  const code = params.get('code') ?? '';
  if (credentials === undefined) return <LoadingScreen />;
  return (
    <main className="screen">
      <h1>{t('orgs.join.title')}</h1>
      {credentials ? (
        <>
          <p>{t('orgs.join.intro')}</p>
          <JoinForm initialCode={code} />
        </>
      ) : (
        <>
          <Notice tone="info">{t('orgs.join.signInFirst')}</Notice>
          <SignInForm />
        </>
      )}
    </main>
  );
}
