import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openProfile, startProfileId } from './features/profiles/openProfile';
import { initI18n } from './i18n';
import './ui/styles.css';
import './app/splash.css';

async function boot(): Promise<void> {
  const [profileId] = await Promise.all([
    startProfileId({ welcomeFirst: window.location.pathname === '/' }),
    initI18n(),
  ]);
  if (profileId) await openProfile(profileId);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Ask the browser not to evict what people did when the phone runs short of space.
  void navigator.storage?.persist?.();
  const { startBackgroundWork } = await import('./app/background');
  await startBackgroundWork();
}

void boot();
