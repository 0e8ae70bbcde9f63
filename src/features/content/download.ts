import { audioUrlsOf, downloadPack, fetchAudio, PackDownloadError } from '../../api/contentPacks';
import { installPack } from '../../data/content';
import { StorageFullError } from '../../data/errors';
import type { CatalogueRow } from '../../data/rows';
import { setDownload } from '../../state/downloads';

const running = new Map<string, Promise<boolean>>();

/**
 * Downloads a pack of the catalogue, checks it and installs it (its courses and walkthroughs in
 * one transaction), showing progress in the downloads store; then fetches its recordings for
 * the service worker to keep. One download per pack at a time. Resolves whether it installed;
 * a failure stays in the store with its reason, and what was installed before stays usable.
 */
export function downloadAndInstall(entry: CatalogueRow): Promise<boolean> {
  const key = `${entry.id}:${entry.hash}`;
  const already = running.get(key);
  if (already) return already;
  const work = run(entry).finally(() => running.delete(key));
  running.set(key, work);
  return work;
}

async function run(entry: CatalogueRow): Promise<boolean> {
  const totalBytes = entry.bytes;
  setDownload(entry.id, { phase: 'downloading', loadedBytes: 0, totalBytes });
  try {
    const { pack, bytes } = await downloadPack(entry, (loadedBytes) =>
      setDownload(entry.id, { phase: 'downloading', loadedBytes, totalBytes }),
    );
    await installPack(pack, entry.hash, { bytes, entry });
    setDownload(entry.id, null);
    // Recordings are a bonus: the lesson reads without them, so a failure here is not one.
    await fetchAudio(audioUrlsOf(pack)).catch((error: unknown) => {
      console.warn('Recordings not cached', error);
    });
    return true;
  } catch (error) {
    console.error(`Pack ${entry.id} not installed`, error);
    setDownload(entry.id, {
      phase: 'failed',
      reason:
        error instanceof PackDownloadError
          ? error.reason
          : error instanceof StorageFullError
            ? 'full'
            : 'failed',
    });
    return false;
  }
}

/** Downloads the packs one after the other (a slow link shares badly); resolves how many failed. */
export async function downloadAll(entries: CatalogueRow[]): Promise<number> {
  let failed = 0;
  for (const entry of entries) if (!(await downloadAndInstall(entry))) failed += 1;
  return failed;
}
