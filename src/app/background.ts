import { installCatalogue } from '../features/content/installCatalogue';
import { startSync, watchConnectivity } from './startSync';

/**
 * The work that starts after the first screen is on: installing content packs and syncing.
 * Loaded lazily, so the schemas and the sync engine do not weigh on the first screen.
 */
export async function startBackgroundWork(): Promise<void> {
  await installCatalogue();
  watchConnectivity();
  await startSync();
}
