import { z } from 'zod';
import {
  complianceQuerySchema,
  complianceReportSchema,
  errorResponseSchema,
  rosterRefusalSchema,
  staffImportRequestSchema,
  staffImportResponseSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { complianceExport, complianceReport } from '../services/compliance';
import { withProgrammeCertificates } from '../services/complianceCertificates';
import type { IssuerSettings } from '../services/certificates';
import type { ExportFormat } from '../services/exportFiles';
import { importStaff } from '../services/staffImport';
import { sendError } from './errors';
import { fileAnswer, refusals, route, sendExport } from './table';

const idParams = z.strictObject({ id: z.uuid() });

/** 5,000 rows of staff numbers, long names, units and positions fit. */
const STAFF_BODY_LIMIT = 3 * 1024 * 1024;

const REFUSED = {
  forbidden: 'Only an admin of this agency may do this',
  not_found: 'No such agency',
} as const;

/**
 * An agency's own routes: its staff list imported from a spreadsheet, and the compliance report
 * of its programmes (JSON, CSV, XLSX), for its admins only.
 */
export function agencyTable(db: Database, settings: IssuerSettings) {
  const exportRoute = (format: ExportFormat) =>
    route({
      method: 'GET',
      url: `/api/orgs/:id/compliance.${format}`,
      summary: `An agency's compliance report (${format}), for its admins`,
      who: 'account',
      schemas: {
        params: idParams,
        querystring: complianceQuerySchema,
        response: {
          200: fileAnswer(format),
          ...refusals('not_found'),
        },
      },
      handler: async ({ reply, caller, params, query }) => {
        const report = await complianceReport(db, caller.accountId, params.id, query);
        if (!report.ok) return sendError(reply, report.code, REFUSED[report.code]);
        const file = await complianceExport(
          await withProgrammeCertificates(db, settings.url, report.value),
          format,
        );
        return sendExport(
          db,
          reply,
          {
            actorId: caller.accountId,
            target: `org:${params.id}`,
            kind: 'compliance',
            file,
            fileName: `tien-do-bat-buoc-${report.value.asOf.slice(0, 10)}.${format}`,
          },
          format,
        );
      },
    });
  return [
    route({
      method: 'POST',
      url: '/api/orgs/:id/staff',
      summary: "Import an agency's staff list: every row checked, all created or none",
      who: 'account',
      bodyLimit: STAFF_BODY_LIMIT,
      schemas: {
        params: idParams,
        body: staffImportRequestSchema,
        response: {
          201: staffImportResponseSchema,
          400: z.union([rosterRefusalSchema, errorResponseSchema]),
          ...refusals('not_found', 'conflict'),
        },
      },
      handler: async ({ reply, caller, params, body }) => {
        const outcome = await importStaff(db, caller.accountId, params.id, body.rows);
        if (outcome.ok) return reply.code(201).send(outcome.value);
        if (outcome.code === 'invalid_rows') {
          return reply.code(400).send({
            error: {
              code: 'invalid_body',
              message: `${outcome.problems.length} problem(s) in the staff list: nothing imported`,
              rows: outcome.problems,
            },
          });
        }
        const words = {
          ...REFUSED,
          conflict: 'A username, phone or staff number was taken meanwhile: nothing imported',
        };
        return sendError(reply, outcome.code, words[outcome.code]);
      },
    }),
    route({
      method: 'GET',
      url: '/api/orgs/:id/compliance',
      summary:
        "Each staff member's standing with each programme: status, progress, due and completion dates (the agency's admins)",
      who: 'account',
      schemas: {
        params: idParams,
        querystring: complianceQuerySchema,
        response: { 200: complianceReportSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params, query }) => {
        const report = await complianceReport(db, caller.accountId, params.id, query);
        if (!report.ok) return sendError(reply, report.code, REFUSED[report.code]);
        return reply.send(await withProgrammeCertificates(db, settings.url, report.value));
      },
    }),
    exportRoute('csv'),
    exportRoute('xlsx'),
  ];
}
