/** What the app's running sync lets the rest of the app ask of it. */
export interface SyncControls {
  /** Sync now (the sync button). */
  syncNow(): void;
  /** Sync shortly, after something was recorded. */
  syncSoon(): void;
  /** Start syncing again after a profile signed in or out. */
  restart(): void;
}

/** Before the app starts its sync, asking for one does nothing: the start syncs anyway. */
const idle: SyncControls = {
  syncNow: () => undefined,
  syncSoon: () => undefined,
  restart: () => undefined,
};

let current: SyncControls = idle;

/** Called by the app once its engines run, so screens reach them without a store holding them. */
export function provideSyncControls(controls: SyncControls): void {
  current = controls;
}

export const syncNow = (): void => current.syncNow();
export const syncSoon = (): void => current.syncSoon();
export const restartSync = (): void => current.restart();
