import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  resolveConflictRequestSchema,
  visitRangeQuerySchema,
  type ResolveConflictResponse,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { MemberRole, Organisation } from '../services/organisations';
import { audit } from '../services/audit';
import { canPush, leads, teamAccess } from '../services/teamAccess';
import { teamDashboard } from '../services/visitAggregates';
import type { ExportFormat } from '../services/exportFiles';
import { teamVisitsExport } from '../services/visitExports';
import { getVersion, listConflicts, listHeads, teamRoster } from '../services/visitReads';
import { resolveVisit } from '../services/visits';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';
import { refuseOutdated } from './protocol';
import { visitSummaryRoutes } from './visitSummaries';

const teamParams = z.strictObject({ teamId: z.uuid() });
const visitParams = z.strictObject({ teamId: z.uuid(), visitId: z.uuid() });

interface Caller {
  accountId: string;
  team: Organisation;
  role: MemberRole | null;
}

/**
 * Every team route starts here: the protocol version, a signed-in account, a real team, and a
 * role in it that `allowed` accepts. Answers the refusal itself and returns null when refused.
 */
async function teamCaller(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  allowed: (role: MemberRole | null) => boolean,
): Promise<Caller | null> {
  if (refuseOutdated(request, reply)) return null;
  const actor = await requireAccount(db, request, reply);
  if (!actor) return null;
  const params = teamParams.safeParse({ teamId: (request.params as { teamId?: unknown }).teamId });
  if (!params.success) {
    invalidBody(reply, params.error);
    return null;
  }
  const access = await teamAccess(db, actor.accountId, params.data.teamId);
  if (!access.ok) {
    sendError(reply, access.code, access.code === 'not_found' ? 'No such team' : 'Not allowed');
    return null;
  }
  if (!allowed(access.role)) {
    sendError(reply, 'forbidden', 'Not allowed for your role in this team');
    return null;
  }
  // Personal data: never kept by a browser cache or a proxy.
  reply.header('cache-control', 'no-store');
  return { accountId: actor.accountId, team: access.team, role: access.role };
}

async function sendExport(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  format: ExportFormat,
) {
  const caller = await teamCaller(db, request, reply, leads);
  if (!caller) return reply;
  const range = visitRangeQuerySchema.safeParse(request.query ?? {});
  if (!range.success) return invalidBody(reply, range.error);
  const file = await teamVisitsExport(db, caller.team.id, format, range.data);
  await audit(db, caller.accountId, 'export', `team:${caller.team.id}`, {
    kind: 'team_visits',
    format,
    rows: file.rows,
  });
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="nhat-ky-to-cong-nghe-so.${format}"`)
    .send(file.body);
}

/** The team toolkit's routes, and the commune and province roll-ups of its log. */
export function visitRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/teams/:teamId/visits', async (request, reply) => {
    const caller = await teamCaller(db, request, reply, canPush);
    if (!caller) return reply;
    const own = leads(caller.role) ? null : caller.accountId;
    return reply.send({ visits: await listHeads(db, caller.team.id, own) });
  });

  app.get('/api/teams/:teamId/conflicts', async (request, reply) => {
    const caller = await teamCaller(db, request, reply, leads);
    if (!caller) return reply;
    return reply.send({ conflicts: await listConflicts(db, caller.team.id) });
  });

  app.post('/api/teams/:teamId/visits/:visitId/resolve', async (request, reply) => {
    const caller = await teamCaller(db, request, reply, leads);
    if (!caller) return reply;
    const params = visitParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = resolveConflictRequestSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const { visitId } = params.data;
    const result = await resolveVisit(
      db,
      caller.team.id,
      caller.accountId,
      visitId,
      body.data.chooseVersionKey,
    );
    if (!result.ok) return sendError(reply, result.code, result.message);
    return reply.send({
      visitId,
      head: await getVersion(db, result.head),
      superseded: result.superseded,
    } satisfies ResolveConflictResponse);
  });

  app.get('/api/teams/:teamId/dashboard', async (request, reply) => {
    const caller = await teamCaller(db, request, reply, leads);
    if (!caller) return reply;
    const range = visitRangeQuerySchema.safeParse(request.query ?? {});
    if (!range.success) return invalidBody(reply, range.error);
    return reply.send(await teamDashboard(db, caller.team.id, range.data));
  });

  app.get('/api/teams/:teamId/roster', async (request, reply) => {
    const caller = await teamCaller(db, request, reply, leads);
    if (!caller) return reply;
    return reply.send(await teamRoster(db, caller.team));
  });

  app.get('/api/teams/:teamId/visits.csv', (request, reply) =>
    sendExport(db, request, reply, 'csv'),
  );
  app.get('/api/teams/:teamId/visits.xlsx', (request, reply) =>
    sendExport(db, request, reply, 'xlsx'),
  );
  visitSummaryRoutes(app, db);
}
