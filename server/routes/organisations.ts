import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  communeCodeSchema,
  communeLearningSchema,
  createOrganisationSchema,
  grantCommuneSchema,
  joinCodeRequestSchema,
  joinCodeSchema,
  joinRequestSchema,
  memberProgressSchema,
  memberSchema,
  MEMBER_ROLES,
  newJoinCodeSchema,
  organisationSchema,
  roleChangeSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { audit } from '../services/audit';
import {
  changeRole,
  createJoinCode,
  createOrganisation,
  getOrganisation,
  grantCommune,
  joinWithCode,
  listJoinCodes,
  listMembers,
  revokeJoinCode,
  manages,
  roleIn,
  type Outcome,
} from '../services/organisations';
import { communeLearning, learnersOf } from '../services/orgFigures';
import { accountProgress, summarise } from '../services/progress';
import { isOfficialOf } from '../services/teamAccess';
import { sendError } from './errors';
import { refusals, route } from './table';

const idParams = z.strictObject({ id: z.uuid() });
const memberParams = z.strictObject({ id: z.uuid(), accountId: z.uuid() });
const codeParams = z.strictObject({ id: z.uuid(), codeId: z.uuid() });

function answer<T>(reply: FastifyReply, outcome: Outcome<T>, status = 200): FastifyReply {
  if (outcome.ok) return reply.code(status).send(outcome.value);
  if (outcome.code === 'last_manager')
    return sendError(reply, 'conflict', 'The last manager cannot step down');
  const words = { forbidden: 'Not allowed', not_found: 'Not found', conflict: 'Already done' };
  return sendError(reply, outcome.code, words[outcome.code]);
}

/** Teams, classes and agencies: made, joined with codes, their members, roles and figures. */
export function organisationTable(db: Database, guards: Guards) {
  return [
    route({
      method: 'POST',
      url: '/api/orgs',
      summary: 'Start a team, a class or (system admins) an agency; the caller manages it',
      who: 'account',
      schemas: {
        body: createOrganisationSchema,
        response: { 201: organisationSchema.omit({ manager: true }), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, body }) =>
        answer(reply, await createOrganisation(db, caller, body), 201),
    }),
    route({
      method: 'POST',
      url: '/api/orgs/:id/join-codes',
      summary: 'Make a join code (shown only this once)',
      who: 'account',
      schemas: {
        params: idParams,
        body: joinCodeRequestSchema,
        response: { 201: newJoinCodeSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params, body }) =>
        answer(reply, await createJoinCode(db, caller.accountId, params.id, body), 201),
    }),
    route({
      method: 'GET',
      url: '/api/orgs/:id/join-codes',
      summary: 'The join codes that still let people in',
      who: 'account',
      schemas: {
        params: idParams,
        response: { 200: z.array(joinCodeSchema), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) =>
        answer(reply, await listJoinCodes(db, caller.accountId, params.id)),
    }),
    route({
      method: 'POST',
      url: '/api/orgs/:id/join-codes/:codeId/revoke',
      summary: 'Stop a join code from letting anyone else in',
      who: 'account',
      schemas: {
        params: codeParams,
        response: { 200: z.object({ revoked: z.literal(true) }), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) =>
        answer(reply, await revokeJoinCode(db, caller.accountId, params.id, params.codeId)),
    }),
    route({
      method: 'POST',
      url: '/api/join',
      summary: 'Join an organisation with a code',
      who: 'account',
      preHandler: guards.join,
      schemas: {
        body: joinRequestSchema,
        response: {
          200: z.object({ organisationId: z.uuid(), role: z.enum(MEMBER_ROLES) }),
          ...refusals('not_found', 'conflict'),
        },
      },
      handler: async ({ reply, caller, body }) =>
        answer(reply, await joinWithCode(db, caller.accountId, body.code)),
    }),
    route({
      method: 'GET',
      url: '/api/orgs/:id/members',
      summary: "The organisation's members, for its manager",
      who: 'account',
      schemas: {
        params: idParams,
        response: { 200: z.array(memberSchema), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) =>
        answer(reply, await listMembers(db, caller.accountId, params.id)),
    }),
    route({
      method: 'GET',
      url: '/api/orgs/:id/progress',
      summary: 'What each learner has learned, for the manager (staff are not listed)',
      who: 'account',
      schemas: {
        params: idParams,
        response: { 200: z.array(memberProgressSchema), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const members = await listMembers(db, caller.accountId, params.id);
        if (!members.ok) return answer(reply, members);
        // Progress is the learners': the teacher, leaders and admins are not in the list.
        const learners = await learnersOf(db, params.id);
        const listed = members.value.filter((m) => learners.has(m.accountId));
        const progress = await accountProgress(
          db,
          listed.map((m) => m.accountId),
        );
        return reply.send(
          listed.map((member) => ({
            ...member,
            courses: (progress.get(member.accountId) ?? []).map(summarise),
          })),
        );
      },
    }),
    route({
      method: 'PUT',
      url: '/api/orgs/:id/members/:accountId/role',
      summary: "Change a member's role (a sole manager cannot step down)",
      who: 'account',
      schemas: {
        params: memberParams,
        body: roleChangeSchema,
        response: {
          200: z.object({ role: z.enum(MEMBER_ROLES) }),
          ...refusals('not_found', 'conflict'),
        },
      },
      handler: async ({ reply, caller, params, body }) =>
        answer(
          reply,
          await changeRole(db, caller.accountId, params.id, params.accountId, body.role),
        ),
    }),
    route({
      method: 'POST',
      url: '/api/admin/commune-officials',
      summary: 'Make an account an official of a commune (system admins): its figures only',
      who: 'account',
      schemas: {
        body: grantCommuneSchema,
        response: { 201: z.null(), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, body }) =>
        answer(reply, await grantCommune(db, caller, body.accountId, body.communeCode), 201),
    }),
    route({
      method: 'GET',
      url: '/api/communes/:code/summary',
      summary: "A commune's learning figures for its officials: counts only, never a name",
      who: 'account',
      schemas: {
        params: z.strictObject({ code: communeCodeSchema }),
        response: { 200: communeLearningSchema },
      },
      handler: async ({ reply, caller, params }) => {
        const allowed =
          caller.isSystemAdmin || (await isOfficialOf(db, caller.accountId, params.code));
        if (!allowed) return sendError(reply, 'forbidden', 'Not an official of this commune');
        const figures = await communeLearning(db, params.code);
        await audit(db, caller.accountId, 'export', `commune:${params.code}`, { kind: 'summary' });
        return reply.send(figures);
      },
    }),
    route({
      method: 'GET',
      url: '/api/orgs/:id',
      summary: 'An organisation, for its members',
      who: 'account',
      schemas: {
        params: idParams,
        response: { 200: organisationSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const org = await getOrganisation(db, params.id);
        if (!org) return sendError(reply, 'not_found', 'Not found');
        const member = (await roleIn(db, caller.accountId, org.id)) !== null;
        if (!member && !caller.isSystemAdmin) return sendError(reply, 'forbidden', 'Not a member');
        return reply.send({ ...org, manager: await manages(db, caller.accountId, org) });
      },
    }),
  ];
}
