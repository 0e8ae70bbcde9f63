import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../../../state/session';
import { syncTeamVisits, type VisitSyncResult } from './visitSync';
import { useTeam } from './TeamContext';

export type VisitSyncState =
  | { phase: 'idle' }
  | { phase: 'syncing' }
  | { phase: 'done'; result: VisitSyncResult }
  | { phase: 'failed' };

/** Sends waiting visits now, when the connection returns, and on the button. */
export function useVisitSync(teamId: string, waiting: number) {
  const { profileId, accountId, key } = useTeam(teamId);
  const online = useSession((s) => s.online);
  const [state, setState] = useState<VisitSyncState>({ phase: 'idle' });
  const running = useRef(false);

  const syncNow = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ phase: 'syncing' });
    try {
      const result = await syncTeamVisits({ profileId, accountId, teamId, key });
      setState({ phase: 'done', result });
    } catch {
      setState({ phase: 'failed' });
    } finally {
      running.current = false;
    }
  }, [profileId, accountId, teamId, key]);

  useEffect(() => {
    if (online && waiting > 0) void syncNow();
  }, [online, waiting, syncNow]);

  return { state, syncNow, online };
}
