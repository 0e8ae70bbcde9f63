import { z } from 'zod';
import { monthSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { classRole } from '../services/attendance';
import { attendanceSheetExport } from '../services/attendanceExport';
import type { ExportFormat } from '../services/exportFiles';
import { sendError } from './errors';
import { fileAnswer, route, sendExport } from './table';

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
        response: { 200: fileAnswer(format) },
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
        return sendExport(
          db,
          reply,
          {
            actorId: caller.accountId,
            target: `org:${classId}`,
            kind: 'attendance',
            file,
            fileName: `diem-danh-${query.month}.${format}`,
          },
          format,
        );
      },
    });
  return [sheet('csv'), sheet('xlsx')];
}
