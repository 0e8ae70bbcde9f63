import {
  ATTENDANCE_EXPORT_HEADERS,
  attendanceExportRows,
  attendanceSheet,
} from '../../src/domain/attendance';
import type { Database } from '../db/database';
import { classAttendance, classLearners } from './attendance';
import { exportFile, type ExportFile, type ExportFormat } from './exportFiles';

/** A class's attendance sheet of a month (`YYYY-MM`) as CSV or XLSX, learners by name. */
export async function attendanceSheetExport(
  db: Database,
  classId: string,
  month: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const { sessions, marks } = await classAttendance(db, classId);
  const sheet = attendanceSheet(month, await classLearners(db, classId), sessions, marks);
  return exportFile(format, ATTENDANCE_EXPORT_HEADERS, attendanceExportRows(sheet), 'Điểm danh');
}
