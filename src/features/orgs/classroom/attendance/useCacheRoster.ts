import { useEffect } from 'react';
import { cacheClassRoster } from '../../../../data/attendance';
import type { Organisation } from '../../../../protocol';
import { useSession } from '../../../../state/session';
import { withAccountToken } from '../../../../sync/accountTokens';
import { createOrgApi } from '../../../../sync/orgApi';

/**
 * Keeps the class's learners on this phone whenever its teacher opens the class online, so
 * attendance can be taken offline later. Staff are never kept as learners.
 */
export function useCacheRoster(org: Organisation): void {
  const profileId = useSession((s) => s.profileId);
  useEffect(() => {
    const api = createOrgApi(window.location.origin);
    void withAccountToken(profileId, (token) => api.members(token, org.id))
      .then((members) =>
        cacheClassRoster({
          classId: org.id,
          profileId,
          className: org.name,
          learners: members
            .filter((member) => member.role === 'learner')
            .map(({ accountId, displayName }) => ({ accountId, displayName })),
          savedAt: new Date().toISOString(),
        }),
      )
      .catch((error: unknown) => console.warn('Class roster not cached', error));
  }, [profileId, org.id, org.name]);
}
