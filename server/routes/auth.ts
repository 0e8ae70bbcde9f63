import {
  claimRequestSchema,
  claimResponseSchema,
  meResponseSchema,
  refreshRequestSchema,
  sessionResponseSchema,
  signedOutSchema,
  signInRequestSchema,
  signUpRequestSchema,
  tokensResponseSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { accountOverview, checkPassword, claimProfile, createAccount } from '../services/accounts';
import { audit } from '../services/audit';
import { authenticateDevice } from '../services/devices';
import {
  issueTokens,
  revokeAllTokens,
  revokeRefreshFamily,
  rotateRefreshToken,
} from '../services/tokens';
import { sendError } from './errors';
import { refusals, route } from './table';

/** Accounts: sign-up, sign-in, tokens, the account's own page, and claiming a device's past. */
export function authTable(db: Database, guards: Guards) {
  return [
    route({
      method: 'POST',
      url: '/api/auth/sign-up',
      summary: 'Create an account and sign in',
      who: 'anyone',
      preHandler: guards.signUp,
      schemas: {
        body: signUpRequestSchema,
        response: { 201: sessionResponseSchema, ...refusals('conflict') },
      },
      handler: async ({ reply, body }) => {
        const account = await createAccount(db, body);
        if (!account) return sendError(reply, 'conflict', 'This username or phone number is taken');
        return reply.code(201).send({ account, ...(await issueTokens(db, account.id)) });
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/sign-in',
      summary: 'Sign in with a username or phone number and a password',
      who: 'anyone',
      preHandler: guards.signIn,
      schemas: {
        body: signInRequestSchema,
        response: { 200: sessionResponseSchema, ...refusals('unauthorized') },
      },
      handler: async ({ reply, body }) => {
        const account = await checkPassword(db, body.login, body.password);
        if (!account) return sendError(reply, 'unauthorized', 'Wrong login or password');
        return reply.send({ account, ...(await issueTokens(db, account.id)) });
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/refresh',
      summary: 'Swap a refresh token for new tokens (each refresh token works once)',
      who: 'anyone',
      preHandler: guards.refresh,
      schemas: {
        body: refreshRequestSchema,
        response: { 200: tokensResponseSchema, ...refusals('unauthorized') },
      },
      handler: async ({ reply, body }) => {
        const tokens = await rotateRefreshToken(db, body.refreshToken);
        if (!tokens) return sendError(reply, 'unauthorized', 'Sign in again');
        return reply.send(tokens);
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/sign-out',
      summary: 'End the session a refresh token belongs to',
      who: 'anyone',
      schemas: { body: refreshRequestSchema, response: { 200: signedOutSchema } },
      handler: async ({ reply, body }) => {
        await revokeRefreshFamily(db, body.refreshToken);
        return reply.send({ signedOut: true });
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      summary: "End every session of the caller's account",
      who: 'account',
      schemas: { response: { 200: signedOutSchema } },
      handler: async ({ reply, caller }) => {
        await revokeAllTokens(db, caller.accountId);
        await audit(db, caller.accountId, 'sign_out_everywhere');
        return reply.send({ signedOut: true });
      },
    }),
    route({
      method: 'GET',
      url: '/api/me',
      summary: "The caller's account, organisations and communes",
      who: 'account',
      schemas: { response: { 200: meResponseSchema } },
      handler: async ({ reply, caller }) => reply.send(await accountOverview(db, caller.accountId)),
    }),
    route({
      method: 'POST',
      url: '/api/account/claim',
      summary: "Bring a device profile's past (events, certificates) into the account",
      who: 'account',
      schemas: {
        body: claimRequestSchema,
        response: { 200: claimResponseSchema },
      },
      // Only the holder of that device's token can do this.
      handler: async ({ reply, caller, body }) => {
        const device = await authenticateDevice(db, body.deviceToken);
        if (!device) return sendError(reply, 'forbidden', 'Unknown device token');
        const claimed = await claimProfile(db, caller.accountId, device, body.profileId);
        return reply.send({ claimed });
      },
    }),
  ];
}
