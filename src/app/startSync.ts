import { createDexieSyncStore } from '../data/syncStore';
import { setSession } from '../state/session';
import { createSyncEngine } from '../sync/engine';
import { createSyncApi } from '../sync/http';

/** Starts the sync engine against the server that served the app, and tracks connectivity. */
export function startSync(): void {
  const engine = createSyncEngine({
    api: createSyncApi(window.location.origin),
    store: createDexieSyncStore(),
    onStatus: (sync) => setSession({ sync }),
  });
  setSession({ syncNow: () => void engine.syncNow(), syncSoon: engine.requestSoon });
  const updateOnline = () => setSession({ online: navigator.onLine });
  addEventListener('online', updateOnline);
  addEventListener('offline', updateOnline);
  engine.start();
}
