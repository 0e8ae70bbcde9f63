import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  contentManifestSchema,
  contentPackSchema,
  contentSignaturesResponseSchema,
  type ContentSignaturesResponse,
  type ContentManifest,
  type ContentManifestEntry,
  type ContentPack,
} from '../protocol';

/** The catalogue of this build; the service worker has it, so it answers offline too. */
export const MANIFEST_URL = '/content/manifest.json';

/** The server's content keys and its signature of each pack (public; see server/routes/content.ts). */
export const SIGNATURES_URL = '/api/content/signatures';

export async function fetchContentSignatures(
  url = SIGNATURES_URL,
): Promise<ContentSignaturesResponse> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return contentSignaturesResponseSchema.parse(await response.json());
}

/** Why a pack could not be downloaded, each with its own message on screen. */
export type PackFailure = 'offline' | 'altered' | 'failed';

export class PackDownloadError extends Error {
  override name = 'PackDownloadError';
  constructor(
    readonly reason: PackFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The catalogue: every pack of this build, with its size, hash and outline. */
export async function fetchManifest(url = MANIFEST_URL): Promise<ContentManifest> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return contentManifestSchema.parse(await response.json());
}

/**
 * Downloads one pack, telling its progress in bytes, and checks its SHA-256 against the
 * catalogue's before anything reads it: altered bytes are refused (and so never stored), as is a
 * pack that does not match the protocol's schema.
 */
export async function downloadPack(
  entry: ContentManifestEntry,
  onProgress: (loadedBytes: number) => void,
): Promise<{ pack: ContentPack; bytes: Uint8Array }> {
  let response: Response;
  try {
    response = await fetch(entry.url, { cache: 'no-store' });
  } catch (error) {
    throw new PackDownloadError('offline', `${entry.url}: no connection`, { cause: error });
  }
  if (!response.ok) throw new PackDownloadError('failed', `${entry.url}: ${response.status}`);
  const bytes = await readAll(response, onProgress).catch((error: unknown) => {
    throw new PackDownloadError('offline', `${entry.url}: cut off`, { cause: error });
  });
  if (bytesToHex(sha256(bytes)) !== entry.hash) {
    throw new PackDownloadError('altered', `${entry.url}: its hash does not match the catalogue`);
  }
  const parsed = contentPackSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success || parsed.data.id !== entry.id) {
    throw new PackDownloadError('altered', `${entry.url}: not the pack the catalogue names`);
  }
  return { pack: parsed.data, bytes };
}

async function readAll(
  response: Response,
  onProgress: (loadedBytes: number) => void,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The recordings a pack's lessons play: fetched with it so the worker keeps them offline. */
export function audioUrlsOf(pack: ContentPack): string[] {
  return pack.courses.flatMap((course) =>
    course.lessons.flatMap((lesson) =>
      lesson.steps.flatMap((step) => (step.audio ? Object.values(step.audio) : [])),
    ),
  );
}

/** Asks for each recording once, so the service worker's runtime cache holds them. */
export async function fetchAudio(urls: string[]): Promise<void> {
  await Promise.all(urls.map((url) => fetch(url).then((response) => response.arrayBuffer())));
}
