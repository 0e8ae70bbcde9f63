import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../../state/session';
import { ServerRefusal } from '../../sync/http';
import { withAccountToken } from '../../sync/accountTokens';

export type ServerRead<T> =
  | { phase: 'loading' }
  | { phase: 'ready'; data: T }
  | { phase: 'refused'; status: number }
  | { phase: 'offline' };

/**
 * A read from the server with the signed-in profile's token (refreshed when needed); `reload`
 * asks again. The caller names what the read depends on, as with useEffect.
 */
export function useServerRead<T>(read: (token: string) => Promise<T>, deps: readonly unknown[]) {
  const profileId = useSession((s) => s.profileId);
  const [state, setState] = useState<ServerRead<T>>({ phase: 'loading' });
  const [version, setVersion] = useState(0);
  const run = useMemo(() => read, deps);

  useEffect(() => {
    let live = true;
    withAccountToken(profileId, run)
      .then((data) => live && setState({ phase: 'ready', data }))
      .catch((error: unknown) => {
        if (!live) return;
        setState(
          error instanceof ServerRefusal
            ? { phase: 'refused', status: error.status }
            : { phase: 'offline' },
        );
      });
    return () => {
      live = false;
    };
  }, [profileId, run, version]);

  return { state, reload: () => setVersion((v) => v + 1) };
}
