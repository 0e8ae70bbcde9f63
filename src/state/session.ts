import { create } from 'zustand';
import type { SyncStatus } from '../protocol/syncStatus';

export type ContentInstall = { phase: 'checking' } | { phase: 'ready' } | { phase: 'failed' };

/** UI and session state only: what people did lives in IndexedDB, never here. */
interface SessionState {
  /** The profile whose data the screens show. */
  profileId: string;
  online: boolean;
  sync: SyncStatus;
  content: ContentInstall;
  /** Set when a new version of the app is waiting: calling it reloads into that version. */
  applyUpdate: (() => void) | null;
}

export const useSession = create<SessionState>(() => ({
  profileId: '',
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  sync: { phase: 'idle' },
  content: { phase: 'checking' },
  applyUpdate: null,
}));

export const setSession = (patch: Partial<SessionState>) => useSession.setState(patch);
