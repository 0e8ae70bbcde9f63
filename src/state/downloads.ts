import { create } from 'zustand';

/** A pack being downloaded, or the reason its last download failed. UI state only. */
export type PackDownload =
  | { phase: 'downloading'; loadedBytes: number; totalBytes: number }
  | { phase: 'failed'; reason: 'offline' | 'altered' | 'full' | 'failed' };

/** Downloads by pack id: the course screen and the settings list show the same progress. */
export const useDownloads = create<Record<string, PackDownload>>(() => ({}));

export function setDownload(packId: string, download: PackDownload | null): void {
  useDownloads.setState((all) => {
    const next = { ...all };
    if (download) next[packId] = download;
    else delete next[packId];
    return next;
  }, true);
}
