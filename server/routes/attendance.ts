import { z } from 'zod';
import { monthSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { classRole } from '../services/attendance';
import { attendanceSheetExport } from '../services/attendanceExport';
import { audit } from '../services/audit';
import { CONTENT_TYPES, type ExportFormat } from '../services/exportFiles';
import { sendError } from './errors';
import { route } from './table';

const idParams = z.strictObject({ id: z.uuid() });
const sheetQuery = z.strictObject({ month: monthSchema });

/** A class's attendance beyond the sync path: its monthly sheet as CSV or XLSX, for its teacher. */
export function attendanceTable(db: Database) {
  const sheet = (format: ExportFormat) =>
    route({
      method: 'GET',
      url: `/api/orgs/:id/attendance.${format}`,
      summary: `A class's attendance sheet for a month (${format}), for the class's teacher`,
      who: 'account',
      schemas: {
        params: idParams,
        querystring: sheetQuery,
        response: { 200: { content: { [CONTENT_TYPES[format].split(';')[0]!]: z.string() } } },
      },
      handler: async ({ reply, caller, params, query }) => {
        const classId = params.id;
        if ((await classRole(db, caller.accountId, classId)) !== 'teacher') {
          return sendError(
            reply,
            'forbidden',
            'Only a teacher of this class exports its attendance',
          );
        }
        const file = await attendanceSheetExport(db, classId, query.month, format);
        await audit(db, caller.accountId, 'export', `org:${classId}`, {
          kind: 'attendance',
          format,
          rows: file.rows,
        });
        return reply
          .header('cache-control', 'no-store')
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="diem-danh-${query.month}.${format}"`,
          )
          .send(file.body);
      },
    });
  return [sheet('csv'), sheet('xlsx')];
}
