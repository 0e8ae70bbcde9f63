import { z } from 'zod';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  sessionResponseSchema,
  type ResetPasswordRequest,
  type SessionResponse,
} from '../protocol';
import { call } from './http';

type Fetch = typeof fetch;

const tokensSchema = z.object({ accessToken: z.string(), refreshToken: z.string() });
const membershipSchema = z.object({
  organisationId: z.uuid(),
  kind: z.enum(['team', 'class', 'agency']),
  name: z.string(),
  role: z.string(),
});
export type Membership = z.infer<typeof membershipSchema>;
/** A commune a system admin gave this account as an official (its figures only). */
const officialCommuneSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: z.string(),
  provinceName: z.string(),
});
export type OfficialCommune = z.infer<typeof officialCommuneSchema>;
const meSchema = z.object({
  account: z.object({
    isSystemAdmin: z.boolean(),
    username: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  memberships: z.array(membershipSchema),
  communes: z.array(officialCommuneSchema),
  /** The provinces whose compliance roll-up this account reads (absent from older servers). */
  provinces: z.array(z.object({ code: z.string(), name: z.string() })).default([]),
});
export type Me = z.infer<typeof meSchema>;

/** The account side of the server's contract, for the screens that sign in and manage. */
export function createAccountApi(baseUrl: string, doFetch: Fetch = fetch) {
  const headers = (token?: string) => ({
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const post = <T>(path: string, body: unknown, parse: (b: unknown) => T, token?: string) =>
    call(
      doFetch,
      `${baseUrl}${path}`,
      { method: 'POST', headers: headers(token), body: JSON.stringify(body) },
      parse,
    );
  const get = <T>(path: string, parse: (b: unknown) => T, token: string) =>
    call(doFetch, `${baseUrl}${path}`, { method: 'GET', headers: headers(token) }, parse);

  return {
    signIn: (login: string, password: string): Promise<SessionResponse> =>
      post('/api/auth/sign-in', { login, password }, (b) => sessionResponseSchema.parse(b)),
    signUp: (input: { username: string; displayName: string; password: string }) =>
      post('/api/auth/sign-up', input, (b) => sessionResponseSchema.parse(b)),
    resetPassword: (input: ResetPasswordRequest) =>
      post('/api/auth/reset-password', input, (b) => z.object({ reset: z.literal(true) }).parse(b)),
    refresh: (refreshToken: string) =>
      post('/api/auth/refresh', { refreshToken }, (b) => tokensSchema.parse(b)),
    claim: (token: string, deviceToken: string, profileId: string) =>
      post(
        '/api/account/claim',
        { deviceToken, profileId },
        (b) => z.object({ claimed: z.int() }).parse(b),
        token,
      ),
    signOutEverywhere: (token: string) =>
      call(
        doFetch,
        `${baseUrl}/api/auth/sign-out-everywhere`,
        { method: 'POST', headers: headers(token), body: '{}' },
        () => true,
      ),
    memberships: (token: string) =>
      get(
        '/api/me',
        (b) => z.object({ memberships: z.array(membershipSchema) }).parse(b).memberships,
        token,
      ),
    me: (token: string): Promise<Me> => get('/api/me', (b) => meSchema.parse(b), token),
  };
}
