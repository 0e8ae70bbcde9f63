import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { monthSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { classRole } from '../services/attendance';
import { attendanceSheetExport } from '../services/attendanceExport';
import { audit } from '../services/audit';
import type { ExportFormat } from '../services/exportFiles';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const idParams = z.strictObject({ id: z.uuid() });
const sheetQuery = z.strictObject({ month: monthSchema });

/** A class's monthly attendance sheet as a file, for the class's teacher only. */
async function sendSheet(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  format: ExportFormat,
) {
  const caller = await requireAccount(db, request, reply);
  if (!caller) return reply;
  const params = idParams.safeParse(request.params);
  if (!params.success) return invalidBody(reply, params.error);
  const query = sheetQuery.safeParse(request.query ?? {});
  if (!query.success) return invalidBody(reply, query.error);
  const classId = params.data.id;
  if ((await classRole(db, caller.accountId, classId)) !== 'teacher') {
    return sendError(reply, 'forbidden', 'Only a teacher of this class exports its attendance');
  }
  const file = await attendanceSheetExport(db, classId, query.data.month, format);
  await audit(db, caller.accountId, 'export', `org:${classId}`, {
    kind: 'attendance',
    format,
    rows: file.rows,
  });
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="diem-danh-${query.data.month}.${format}"`)
    .send(file.body);
}

/** A class's attendance beyond the sync path: its monthly sheet as CSV or XLSX. */
export function attendanceRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/orgs/:id/attendance.csv', (request, reply) => sendSheet(db, request, reply, 'csv'));
  app.get('/api/orgs/:id/attendance.xlsx', (request, reply) =>
    sendSheet(db, request, reply, 'xlsx'),
  );
}
