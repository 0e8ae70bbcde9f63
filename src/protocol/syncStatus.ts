/** What the app shows of its sync engine: the phase it is in, and why when it stopped. */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'outdated' | 'refused';

export interface SyncStatus {
  phase: SyncPhase;
  /** When a retry is planned after a failure (epoch ms). */
  retryAt?: number;
  /** The server's own words when it refused the whole request. */
  detail?: string;
}
