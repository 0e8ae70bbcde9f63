import { installCatalogue } from '../features/content/installCatalogue';
import { registerServiceWorker } from './serviceWorker';
import { startSync, watchConnectivity } from './startSync';

/**
 * The work that starts after the first screen is on: installing content packs and syncing.
 * Loaded lazily, so the schemas and the sync engine do not weigh on the first screen.
 */
export async function startBackgroundWork(): Promise<void> {
  await installCatalogue();
  // Only now does the worker fetch the rest of the app to keep offline: on a slow link its
  // precache would otherwise share the line with the first screen and the catalogue.
  registerServiceWorker();
  watchConnectivity();
  await startSync();
}
