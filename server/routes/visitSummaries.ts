import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  communeCodeSchema,
  provinceCodeSchema,
  visitRangeQuerySchema,
  type VisitRange,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { audit } from '../services/audit';
import { isOfficialOf, readableCommunesIn, teamsInCommunes } from '../services/teamAccess';
import { communeSummary, provinceSummary } from '../services/visitAggregates';
import type { ExportFormat } from '../services/exportFiles';
import { summaryExport } from '../services/visitExports';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';
import { refuseOutdated } from './protocol';

/**
 * Roll-ups of the team log: figures only, never a person, a village or a volunteer.
 * A commune: its officials and system admins. A province: system admins see every commune;
 * a commune official sees the totals of only the communes given to them in that province.
 */
const communeParams = z.strictObject({ code: communeCodeSchema });
const provinceParams = z.strictObject({ code: provinceCodeSchema });

type Format = ExportFormat | 'json';

async function start<P extends z.ZodType<{ code: string }>>(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  paramsSchema: P,
) {
  if (refuseOutdated(request, reply)) return null;
  const actor = await requireAccount(db, request, reply);
  if (!actor) return null;
  const params = paramsSchema.safeParse(request.params);
  if (!params.success) {
    invalidBody(reply, params.error);
    return null;
  }
  const range = visitRangeQuerySchema.safeParse(request.query ?? {});
  if (!range.success) {
    invalidBody(reply, range.error);
    return null;
  }
  reply.header('cache-control', 'no-store');
  return { actor, code: params.data.code, range: range.data as VisitRange };
}

async function send(
  db: Database,
  reply: FastifyReply,
  actorId: string,
  target: string,
  format: Format,
  summary: Parameters<typeof summaryExport>[1],
  groups: Parameters<typeof summaryExport>[2],
) {
  if (format === 'json') return reply.send(summary);
  const file = await summaryExport(db, summary, groups, format);
  await audit(db, actorId, 'export', target, { kind: 'visits_summary', format, rows: file.rows });
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="so-lieu-${target.replace(':', '-')}.${format}"`,
    )
    .send(file.body);
}

export function visitSummaryRoutes(app: FastifyInstance, db: Database): void {
  const commune = (format: Format) => async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await start(db, request, reply, communeParams);
    if (!ctx) return reply;
    const { actor, code, range } = ctx;
    if (!actor.isSystemAdmin && !(await isOfficialOf(db, actor.accountId, code))) {
      return sendError(reply, 'forbidden', 'Not an official of this commune');
    }
    const exists = await db.query(`SELECT 1 FROM communes WHERE code = $1`, [code]);
    if (exists.length === 0) return sendError(reply, 'not_found', 'No such commune');
    const summary = await communeSummary(db, code, await teamsInCommunes(db, [code]), range);
    const groups = [{ label: 'Tổ công nghệ số', buckets: summary.byTeam }];
    return send(db, reply, actor.accountId, `commune:${code}`, format, summary, groups);
  };

  const province = (format: Format) => async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await start(db, request, reply, provinceParams);
    if (!ctx) return reply;
    const { actor, code, range } = ctx;
    const communes = await readableCommunesIn(db, actor, code);
    if (communes.length === 0) {
      return actor.isSystemAdmin
        ? sendError(reply, 'not_found', 'No such province')
        : sendError(reply, 'forbidden', 'No commune of this province is given to you');
    }
    const summary = await provinceSummary(db, code, await teamsInCommunes(db, communes), range);
    const groups = [{ label: 'Xã, phường', buckets: summary.byCommune }];
    return send(db, reply, actor.accountId, `province:${code}`, format, summary, groups);
  };

  app.get('/api/communes/:code/visits-summary', commune('json'));
  app.get('/api/communes/:code/visits-summary.csv', commune('csv'));
  app.get('/api/communes/:code/visits-summary.xlsx', commune('xlsx'));
  app.get('/api/provinces/:code/visits-summary', province('json'));
  app.get('/api/provinces/:code/visits-summary.csv', province('csv'));
  app.get('/api/provinces/:code/visits-summary.xlsx', province('xlsx'));
}
