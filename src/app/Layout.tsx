import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ProfileButton } from '../features/profiles/ProfileButton';
import { useApplySettings, useSettings } from '../features/settings/useSettings';
import { useTranslation } from '../i18n';
import { useSession } from '../state/session';
import { SyncBar } from './SyncBar';
import { UpdatePrompt } from './UpdatePrompt';
import './Layout.css';

function LanguageButton() {
  const [settings, update] = useSettings();
  const other = settings.language === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="button button-quiet language-switch"
      lang={other}
      onClick={() => void update({ language: other })}
    >
      {other === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  useApplySettings();
  return (
    <div className="app">
      <header className="top-bar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {profileId && (
          <span className="top-actions">
            <LanguageButton />
            <ProfileButton />
          </span>
        )}
      </header>
      <SyncBar />
      <UpdatePrompt />
      {children}
    </div>
  );
}
