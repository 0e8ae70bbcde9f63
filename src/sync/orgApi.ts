import { z } from 'zod';
import {
  assignmentProgressSchema,
  attestationSchema,
  joinCodeSchema,
  MEMBER_ROLES,
  memberSchema,
  newJoinCodeSchema,
  resetCodeSchema,
  organisationSchema,
  type MemberRole,
  type OrgKind,
} from '../protocol';
import { accountCaller } from './http';

type Fetch = typeof fetch;

const memberProgressSchema = z.array(
  memberSchema.extend({
    courses: z.array(
      z.object({
        courseId: z.string(),
        lessonsDone: z.int(),
        bestScore: z.int(),
        total: z.int(),
        passed: z.boolean(),
      }),
    ),
  }),
);
export type MemberProgress = z.infer<typeof memberProgressSchema>[number];

/** Organisations (teams, classes, agencies): members, roles and join codes. */
export function createOrgApi(baseUrl: string, doFetch: Fetch = fetch) {
  const send = accountCaller(baseUrl, doFetch);
  const org = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;

  return {
    organisation: (token: string, id: string) =>
      send('GET', token, org(id), (b) => organisationSchema.parse(b)),
    assignmentProgress: (token: string, id: string) =>
      send('GET', token, `${org(id)}/assignment-progress`, (b) =>
        assignmentProgressSchema.parse(b),
      ),
    create: (token: string, input: { kind: OrgKind; name: string; communeCode: string }) =>
      send('POST', token, '/api/orgs', (b) => z.object({ id: z.uuid() }).parse(b), input),
    members: (token: string, id: string) =>
      send('GET', token, `${org(id)}/members`, (b) => z.array(memberSchema).parse(b)),
    progress: (token: string, id: string) =>
      send('GET', token, `${org(id)}/progress`, (b) => memberProgressSchema.parse(b)),
    setRole: (token: string, id: string, accountId: string, role: MemberRole) =>
      send(
        'PUT',
        token,
        `${org(id)}/members/${encodeURIComponent(accountId)}/role`,
        (b) => z.object({ role: z.string() }).parse(b),
        { role },
      ),
    joinCodes: (token: string, id: string) =>
      send('GET', token, `${org(id)}/join-codes`, (b) => z.array(joinCodeSchema).parse(b)),
    createJoinCode: (
      token: string,
      id: string,
      input: { role: MemberRole; maxUses: number; minutes: number },
    ) => send('POST', token, `${org(id)}/join-codes`, (b) => newJoinCodeSchema.parse(b), input),
    revokeJoinCode: (token: string, id: string, codeId: string) =>
      send('POST', token, `${org(id)}/join-codes/${encodeURIComponent(codeId)}/revoke`, (b) =>
        z.object({ revoked: z.literal(true) }).parse(b),
      ),
    /** The learner takes this course's quiz under the caller's supervision (for some hours). */
    attest: (token: string, id: string, learnerAccountId: string, courseId: string) =>
      send('POST', token, `${org(id)}/attestations`, (b) => attestationSchema.parse(b), {
        learnerAccountId,
        courseId,
      }),
    /** A one-time code for a member who forgot their password (30 minutes, shown once). */
    resetCode: (token: string, id: string, accountId: string) =>
      send('POST', token, `${org(id)}/members/${encodeURIComponent(accountId)}/reset-code`, (b) =>
        resetCodeSchema.parse(b),
      ),
    join: (token: string, code: string) =>
      send(
        'POST',
        token,
        '/api/join',
        (b) => z.object({ organisationId: z.uuid(), role: z.enum(MEMBER_ROLES) }).parse(b),
        { code },
      ),
  };
}
