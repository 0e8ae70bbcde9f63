import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  resolveConflictRequestSchema,
  resolveConflictResponseSchema,
  teamDashboardSchema,
  teamRosterSchema,
  visitConflictsResponseSchema,
  visitListResponseSchema,
  visitRangeQuerySchema,
  type ResolveConflictResponse,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { MemberRole, Organisation } from '../services/organisations';
import type { Principal } from '../services/principal';
import { canPush, leads, teamAccess } from '../services/teamAccess';
import { teamDashboard } from '../services/visitAggregates';
import type { ExportFormat } from '../services/exportFiles';
import { teamVisitsExport } from '../services/visitExports';
import { getVersion, listConflicts, listHeads, teamRoster } from '../services/visitReads';
import { resolveVisit } from '../services/visits';
import { sendError } from './errors';
import { fileAnswer, refusals, route, sendExport } from './table';

const teamParams = z.strictObject({ teamId: z.uuid() });
const visitParams = z.strictObject({ teamId: z.uuid(), visitId: z.uuid() });

interface TeamCaller {
  accountId: string;
  team: Organisation;
  role: MemberRole | null;
}

/**
 * The team a route names, and the caller's role in it when `allowed` accepts that role.
 * Answers the refusal itself and returns null when refused.
 */
async function teamCaller(
  db: Database,
  reply: FastifyReply,
  caller: Extract<Principal, { kind: 'account' }>,
  teamId: string,
  allowed: (role: MemberRole | null) => boolean,
): Promise<TeamCaller | null> {
  const access = await teamAccess(db, caller.accountId, teamId);
  if (!access.ok) {
    sendError(reply, access.code, 'No such team');
    return null;
  }
  if (!allowed(access.role)) {
    sendError(reply, 'forbidden', 'Not allowed for your role in this team');
    return null;
  }
  // Personal data: never kept by a browser cache or a proxy.
  reply.header('cache-control', 'no-store');
  return { accountId: caller.accountId, team: access.team, role: access.role };
}

/** The team log as a file for its leader: every head version in the range, audited. */
function exportRoute(db: Database, format: ExportFormat) {
  return route({
    method: 'GET',
    url: `/api/teams/:teamId/visits.${format}`,
    summary: `The team's visit log as a ${format} file, for its leader`,
    who: 'account',
    checksProtocol: true,
    schemas: {
      params: teamParams,
      querystring: visitRangeQuerySchema,
      response: { 200: fileAnswer(format), ...refusals('not_found') },
    },
    handler: async ({ reply, caller, params, query }) => {
      const team = await teamCaller(db, reply, caller, params.teamId, leads);
      if (!team) return reply;
      const file = await teamVisitsExport(db, team.team.id, format, query);
      return sendExport(
        db,
        reply,
        {
          actorId: team.accountId,
          target: `team:${team.team.id}`,
          kind: 'team_visits',
          file,
          fileName: `nhat-ky-to-cong-nghe-so.${format}`,
        },
        format,
      );
    },
  });
}

/** The team toolkit's log: its visits, conflicts, dashboard, roster and exports. */
export function visitTable(db: Database) {
  return [
    route({
      method: 'GET',
      url: '/api/teams/:teamId/visits',
      summary: 'The head of every visit record (a volunteer: only their own) with conflict flags',
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: teamParams,
        response: { 200: visitListResponseSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const team = await teamCaller(db, reply, caller, params.teamId, canPush);
        if (!team) return reply;
        const own = leads(team.role) ? null : team.accountId;
        return reply.send({ visits: await listHeads(db, team.team.id, own) });
      },
    }),
    route({
      method: 'GET',
      url: '/api/teams/:teamId/conflicts',
      summary: 'Each flagged visit record with its head and rivals, for the team leader',
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: teamParams,
        response: { 200: visitConflictsResponseSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const team = await teamCaller(db, reply, caller, params.teamId, leads);
        if (!team) return reply;
        return reply.send({ conflicts: await listConflicts(db, team.team.id) });
      },
    }),
    route({
      method: 'POST',
      url: '/api/teams/:teamId/visits/:visitId/resolve',
      summary: 'The leader chooses the version of a flagged record that stands',
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: visitParams,
        body: resolveConflictRequestSchema,
        response: { 200: resolveConflictResponseSchema, ...refusals('not_found', 'conflict') },
      },
      handler: async ({ reply, caller, params, body }) => {
        const team = await teamCaller(db, reply, caller, params.teamId, leads);
        if (!team) return reply;
        const { visitId } = params;
        const result = await resolveVisit(
          db,
          team.team.id,
          team.accountId,
          visitId,
          body.chooseVersionKey,
        );
        if (!result.ok) return sendError(reply, result.code, result.message);
        return reply.send({
          visitId,
          head: await getVersion(db, result.head),
          superseded: result.superseded,
        } satisfies ResolveConflictResponse);
      },
    }),
    route({
      method: 'GET',
      url: '/api/teams/:teamId/dashboard',
      summary: "The team's visit figures in a date range, for its leader",
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: teamParams,
        querystring: visitRangeQuerySchema,
        response: { 200: teamDashboardSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params, query }) => {
        const team = await teamCaller(db, reply, caller, params.teamId, leads);
        if (!team) return reply;
        return reply.send(await teamDashboard(db, team.team.id, query));
      },
    }),
    route({
      method: 'GET',
      url: '/api/teams/:teamId/roster',
      summary: "The team's members, their role, last push and visit count, for its leader",
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: teamParams,
        response: { 200: teamRosterSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const team = await teamCaller(db, reply, caller, params.teamId, leads);
        if (!team) return reply;
        return reply.send(await teamRoster(db, team.team));
      },
    }),
    exportRoute(db, 'csv'),
    exportRoute(db, 'xlsx'),
  ];
}
