import { useEffect, useMemo, useState } from 'react';
import { ServerRefusal } from '../../../sync/http';
import { createTeamApi, type TeamApi } from '../../../sync/teamApi';
import { withAccountToken } from '../../../sync/accountTokens';
import { useTeamSession } from './TeamContext';

export type TeamRequest<T> =
  { phase: 'loading' } | { phase: 'ready'; data: T } | { phase: 'refused' } | { phase: 'offline' };

/** A leader's read from the server, with the token refreshed when needed; `reload` asks again. */
export function useTeamRequest<T>(
  read: (api: TeamApi, token: string) => Promise<T>,
  deps: readonly unknown[],
) {
  const { profileId } = useTeamSession();
  const [state, setState] = useState<TeamRequest<T>>({ phase: 'loading' });
  const [version, setVersion] = useState(0);
  // The caller names what the read depends on, as with useEffect.
  const run = useMemo(() => read, deps);

  useEffect(() => {
    let live = true;
    const api = createTeamApi(window.location.origin);
    withAccountToken(profileId, (token) => run(api, token))
      .then((data) => live && setState({ phase: 'ready', data }))
      .catch((error: unknown) => {
        if (!live) return;
        setState({ phase: error instanceof ServerRefusal ? 'refused' : 'offline' });
      });
    return () => {
      live = false;
    };
  }, [profileId, run, version]);

  return { state, reload: () => setVersion((v) => v + 1) };
}
