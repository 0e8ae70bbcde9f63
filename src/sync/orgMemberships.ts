import { saveOrgMemberships } from '../data/assignments';
import { MEMBER_ROLES, type MemberRole } from '../protocol';
import { createAccountApi } from './accountApi';

const isRole = (role: string): role is MemberRole =>
  (MEMBER_ROLES as readonly string[]).includes(role);

/**
 * Before an account's engine pulls: the server says which classes and agencies the account is
 * in, kept on the phone for the screens offline and for the sync store, which pulls each one's
 * assignments.
 */
export function refreshOrgMemberships(
  baseUrl: string,
  accountId: string,
): (token: string) => Promise<void> {
  const accounts = createAccountApi(baseUrl);
  return async (token) => {
    const memberships = await accounts.memberships(token);
    const organisations = memberships.flatMap((m) =>
      isRole(m.role) ? [{ ...m, role: m.role }] : [],
    );
    await saveOrgMemberships({ accountId, organisations, checkedAt: new Date().toISOString() });
  };
}
