import { createAssignmentStore, saveOrgMemberships } from '../data/assignments';
import { assignmentKind, MEMBER_ROLES, type MemberRole } from '../protocol';
import { createAccountApi } from '../sync/accountApi';
import type { SyncEngineOptions } from '../sync/engine';

const isRole = (role: string): role is MemberRole =>
  (MEMBER_ROLES as readonly string[]).includes(role);

/**
 * An account's records in its organisations for its sync engine: the assignments it made wait
 * on the phone; before pulling, the server says which classes and agencies the account is in
 * (kept on the phone for the screens offline), and each one's assignments are pulled.
 */
export function organisationSync(accountId: string): SyncEngineOptions['organisations'] {
  const accounts = createAccountApi(window.location.origin);
  return {
    store: createAssignmentStore(accountId),
    async pullTargets(token) {
      const memberships = await accounts.memberships(token);
      const organisations = memberships.flatMap((m) =>
        isRole(m.role) ? [{ ...m, role: m.role }] : [],
      );
      await saveOrgMemberships({ accountId, organisations, checkedAt: new Date().toISOString() });
      return organisations
        .filter((m) => m.kind !== 'team')
        .map((m) => ({ kind: assignmentKind.kind, scope: `org:${m.organisationId}` }));
    },
  };
}
