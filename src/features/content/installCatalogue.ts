import { fetchContentSignatures, fetchManifest } from '../../api/contentPacks';
import {
  catalogueEntries,
  installedPacks,
  saveCatalogue,
  saveContentSignatures,
} from '../../data/content';
import { setSession } from '../../state/session';
import { downloadAll } from './download';

/**
 * Brings the device up to this build's catalogue (from the service worker's cache when
 * offline): saves it, pins the server's content keys and pack signatures when it answers, then
 * downloads again only the packs this device holds that changed.
 * Packs that did not change stay as they are; packs never downloaded wait to be opened.
 */
export async function installCatalogue(): Promise<void> {
  try {
    const manifest = await fetchManifest();
    await saveCatalogue(manifest.packs);
    setSession({ content: { phase: 'ready' } });
    // The content keys and signatures: needed only to pass courses on as files, so offline
    // (or with the API away) the ones kept before serve, and nothing waits for them.
    void fetchContentSignatures()
      .then(saveContentSignatures)
      .catch((error: unknown) => console.warn('Content signatures not fetched', error));
    const held = new Map((await installedPacks()).map((pack) => [pack.id, pack.hash]));
    const changed = manifest.packs.filter(
      (entry) => held.has(entry.id) && held.get(entry.id) !== entry.hash,
    );
    // In the background: the old version stays usable until the new one is checked and in.
    void downloadAll(changed);
  } catch (error) {
    console.error('Content catalogue not installed', error);
    // A catalogue saved before still lists the courses; only this build's changes are missing.
    const known = (await catalogueEntries().catch(() => [])).length > 0;
    setSession({ content: { phase: known ? 'ready' : 'failed' } });
  }
}
