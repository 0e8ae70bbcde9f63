import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { changeLanguage, useLanguage, useTranslation } from '../i18n';
import { SyncBar } from './SyncBar';
import { UpdatePrompt } from './UpdatePrompt';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="app">
      <header className="top-bar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <button
          type="button"
          className="button button-quiet language-switch"
          lang={language === 'vi' ? 'en' : 'vi'}
          onClick={() => void changeLanguage(language === 'vi' ? 'en' : 'vi')}
        >
          {t('app.language.switch')}
        </button>
      </header>
      <SyncBar />
      <UpdatePrompt />
      {children}
    </div>
  );
}
