import { installedPacks, installPack } from '../data/content';
import { contentManifestSchema, contentPackSchema, type ContentManifestEntry } from '../protocol';
import { setSession } from '../state/session';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/**
 * Brings the device's content up to this build's manifest: downloads (from the service
 * worker's cache when offline) every pack that is missing or changed, checks it against the
 * protocol's schema, and installs it in one transaction. Reports progress by bytes.
 */
export async function installContent(manifestUrl = '/content/manifest.json'): Promise<void> {
  try {
    const manifest = contentManifestSchema.parse(await fetchJson(manifestUrl));
    const installed = new Map((await installedPacks()).map((pack) => [pack.id, pack.hash]));
    const wanted = manifest.packs.filter((entry) => installed.get(entry.id) !== entry.hash);
    if (wanted.length === 0) {
      setSession({ content: { phase: 'ready' } });
      return;
    }
    const totalBytes = wanted.reduce((sum, entry) => sum + entry.bytes, 0);
    let loadedBytes = 0;
    setSession({ content: { phase: 'installing', loadedBytes, totalBytes } });
    for (const entry of wanted) {
      await installOne(entry);
      loadedBytes += entry.bytes;
      setSession({ content: { phase: 'installing', loadedBytes, totalBytes } });
    }
    setSession({ content: { phase: 'ready' } });
  } catch (error) {
    console.error('Content install failed', error);
    // Courses already installed stay usable; only the update is missing.
    const anyInstalled = (await installedPacks().catch(() => [])).length > 0;
    setSession({ content: { phase: anyInstalled ? 'ready' : 'failed' } });
  }
}

async function installOne(entry: ContentManifestEntry): Promise<void> {
  const pack = contentPackSchema.parse(await fetchJson(entry.url));
  await installPack(pack, entry.hash);
}
