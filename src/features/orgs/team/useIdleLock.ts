import { useEffect } from 'react';
import {
  HIDDEN_LOCK_MS,
  lockIfIdle,
  lockTeamVault,
  touchTeamVault,
} from '../../../state/teamVault';

/** Locks the log after five idle minutes, and when the app was hidden for a minute or more. */
export function useIdleLock(): void {
  useEffect(() => {
    let hiddenAt = 0;
    const touch = () => touchTeamVault();
    const visibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt = Date.now();
      else if (hiddenAt && Date.now() - hiddenAt >= HIDDEN_LOCK_MS) lockTeamVault();
      else touch();
    };
    const timer = setInterval(() => lockIfIdle(), 15_000);
    addEventListener('pointerdown', touch);
    addEventListener('keydown', touch);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      clearInterval(timer);
      removeEventListener('pointerdown', touch);
      removeEventListener('keydown', touch);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, []);
}
