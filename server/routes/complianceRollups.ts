import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  grantProvinceSchema,
  nationalComplianceSchema,
  provinceCodeSchema,
  provinceComplianceSchema,
  rollupQuerySchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { audit } from '../services/audit';
import {
  nationalCompliance,
  provinceCompliance,
  provinceComplianceExport,
  provinceExists,
} from '../services/complianceRollups';
import type { ExportFormat } from '../services/exportFiles';
import { grantProvince, isProvinceAdminOf } from '../services/provinceAdmins';
import type { Principal } from '../services/principal';
import { sendError } from './errors';
import { fileAnswer, refusals, route, sendExport } from './table';

const provinceParams = z.strictObject({ code: provinceCodeSchema });
type Caller = Extract<Principal, { kind: 'account' }>;

/**
 * The compliance roll-ups above the agencies: a province's (its admins, given by a system
 * admin, and system admins) and the nation's by province (system admins). Counts only.
 */
export function complianceRollupTable(db: Database) {
  /** The province, or a typed refusal sent: unknown code 404, not the caller's 403. */
  const readableProvince = async (reply: FastifyReply, caller: Caller, code: string) => {
    const province = await provinceExists(db, code);
    if (!province) {
      sendError(reply, 'not_found', `No province has the code ${code}`);
      return null;
    }
    if (!caller.isSystemAdmin && !(await isProvinceAdminOf(db, caller.accountId, code))) {
      sendError(reply, 'forbidden', 'Only an admin of this province may read its figures');
      return null;
    }
    return province;
  };

  const provinceExport = (format: ExportFormat) =>
    route({
      method: 'GET',
      url: `/api/provinces/:code/compliance.${format}`,
      summary: `A province's compliance roll-up (${format}), for its admins: figures only`,
      who: 'account',
      schemas: {
        params: provinceParams,
        querystring: rollupQuerySchema,
        response: {
          200: fileAnswer(format),
          ...refusals('not_found'),
        },
      },
      handler: async ({ reply, caller, params, query }) => {
        const province = await readableProvince(reply, caller, params.code);
        if (!province) return reply;
        const report = await provinceCompliance(db, province, query);
        const file = await provinceComplianceExport(report, format);
        return sendExport(
          db,
          reply,
          {
            actorId: caller.accountId,
            target: `province:${params.code}`,
            kind: 'compliance',
            file,
            fileName: `tien-do-tinh-${params.code}-${report.asOf.slice(0, 10)}.${format}`,
          },
          format,
        );
      },
    });

  return [
    route({
      method: 'POST',
      url: '/api/admin/province-admins',
      summary: "Make an account an admin of a province (system admins): its agencies' figures only",
      who: 'account',
      schemas: {
        body: grantProvinceSchema,
        response: { 201: z.null(), ...refusals('not_found') },
      },
      handler: async ({ reply, caller, body }) => {
        const outcome = await grantProvince(db, caller, body.accountId, body.provinceCode);
        if (outcome.ok) return reply.code(201).send(null);
        return outcome.code === 'forbidden'
          ? sendError(reply, 'forbidden', 'Only a system administrator may do this')
          : sendError(reply, 'not_found', 'No such account or province');
      },
    }),
    route({
      method: 'GET',
      url: '/api/provinces/:code/compliance',
      summary:
        "Every agency of a province, per programme and unit: how many have not started, are learning, are done, overdue or exempt (the province's admins)",
      who: 'account',
      schemas: {
        params: provinceParams,
        querystring: rollupQuerySchema,
        response: { 200: provinceComplianceSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params, query }) => {
        const province = await readableProvince(reply, caller, params.code);
        if (!province) return reply;
        const report = await provinceCompliance(db, province, query);
        await audit(db, caller.accountId, 'export', `province:${params.code}`, {
          kind: 'compliance',
        });
        return reply.header('cache-control', 'no-store').send(report);
      },
    }),
    provinceExport('csv'),
    provinceExport('xlsx'),
    route({
      method: 'GET',
      url: '/api/compliance/national',
      summary: 'The nation by province: each programme’s counts in every province (system admins)',
      who: 'account',
      schemas: {
        querystring: rollupQuerySchema,
        response: { 200: nationalComplianceSchema },
      },
      handler: async ({ reply, caller, query }) => {
        if (!caller.isSystemAdmin) {
          return sendError(reply, 'forbidden', 'Only a system administrator may do this');
        }
        const report = await nationalCompliance(db, query);
        await audit(db, caller.accountId, 'export', 'nation', { kind: 'compliance' });
        return reply.header('cache-control', 'no-store').send(report);
      },
    }),
  ];
}
