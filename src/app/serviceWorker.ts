import { Workbox } from 'workbox-window';
import { setSession } from '../state/session';

/**
 * Registers our service worker. When a new version is waiting, the session gets an
 * `applyUpdate` the prompt calls: the new worker takes over and the page reloads into it.
 * Everything a person did is already in IndexedDB and their place is in the URL, so nothing
 * is lost by that reload.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    setSession({
      applyUpdate: () => {
        workbox.addEventListener('controlling', () => window.location.reload());
        workbox.messageSkipWaiting();
      },
    });
  });
  void workbox.register();
  const checkForUpdate = () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void workbox.update();
  };
  document.addEventListener('visibilitychange', checkForUpdate);
  setInterval(checkForUpdate, 30 * 60_000);
}
