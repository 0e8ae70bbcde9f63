import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  communeCodeSchema,
  communeVisitsSummarySchema,
  provinceCodeSchema,
  provinceVisitsSummarySchema,
  visitRangeQuerySchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { communeExists } from '../services/places';
import { isOfficialOf, readableCommunesIn, teamsInCommunes } from '../services/teamAccess';
import { communeSummary, provinceSummary } from '../services/visitAggregates';
import type { ExportFormat } from '../services/exportFiles';
import { summaryExport } from '../services/visitExports';
import { sendError } from './errors';
import { fileAnswer, refusals, route, sendExport, type ResponseBody } from './table';

/**
 * Roll-ups of the team log: figures only, never a person, a village or a volunteer.
 * A commune: its officials and system admins. A province: system admins see every commune;
 * a commune official sees the totals of only the communes given to them in that province.
 */
type Format = ExportFormat | 'json';
const FORMATS: Format[] = ['json', 'csv', 'xlsx'];

function answerOf(format: Format, summary: z.ZodType): ResponseBody {
  return format === 'json' ? summary : fileAnswer(format);
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
  reply.header('cache-control', 'no-store');
  if (format === 'json') return reply.send(summary);
  const file = await summaryExport(db, summary, groups, format);
  const fileName = `so-lieu-${target.replace(':', '-')}.${format}`;
  return sendExport(db, reply, { actorId, target, kind: 'visits_summary', file, fileName }, format);
}

export function visitSummaryTable(db: Database) {
  const commune = (format: Format) =>
    route({
      method: 'GET',
      url: `/api/communes/:code/visits-summary${format === 'json' ? '' : `.${format}`}`,
      summary: `A commune's team visit figures (${format}), for its officials`,
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: z.strictObject({ code: communeCodeSchema }),
        querystring: visitRangeQuerySchema,
        response: {
          200: answerOf(format, communeVisitsSummarySchema),
          ...refusals('not_found'),
        },
      },
      handler: async ({ reply, caller, params, query }) => {
        const { code } = params;
        if (!caller.isSystemAdmin && !(await isOfficialOf(db, caller.accountId, code))) {
          return sendError(reply, 'forbidden', 'Not an official of this commune');
        }
        if (!(await communeExists(db, code)))
          return sendError(reply, 'not_found', 'No such commune');
        const summary = await communeSummary(db, code, await teamsInCommunes(db, [code]), query);
        const groups = [{ label: 'Tổ công nghệ số', buckets: summary.byTeam }];
        return send(db, reply, caller.accountId, `commune:${code}`, format, summary, groups);
      },
    });

  const province = (format: Format) =>
    route({
      method: 'GET',
      url: `/api/provinces/:code/visits-summary${format === 'json' ? '' : `.${format}`}`,
      summary: `A province's team visit figures (${format}), for the communes given to the caller`,
      who: 'account',
      checksProtocol: true,
      schemas: {
        params: z.strictObject({ code: provinceCodeSchema }),
        querystring: visitRangeQuerySchema,
        response: {
          200: answerOf(format, provinceVisitsSummarySchema),
          ...refusals('not_found'),
        },
      },
      handler: async ({ reply, caller, params, query }) => {
        const { code } = params;
        const communes = await readableCommunesIn(db, caller, code);
        if (communes.length === 0) {
          return caller.isSystemAdmin
            ? sendError(reply, 'not_found', 'No such province')
            : sendError(reply, 'forbidden', 'No commune of this province is given to you');
        }
        const teams = await teamsInCommunes(db, communes);
        const summary = await provinceSummary(db, code, teams, query);
        const groups = [{ label: 'Xã, phường', buckets: summary.byCommune }];
        return send(db, reply, caller.accountId, `province:${code}`, format, summary, groups);
      },
    });

  return [...FORMATS.map(commune), ...FORMATS.map(province)];
}
