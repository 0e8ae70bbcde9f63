import type { AttendanceStatus } from '../../protocol/attendance.ts';
import { exportDate, type ExportCell } from '../../domain/exportCells.ts';
import type { AttendanceSheet } from './sheet.ts';

/**
 * The month's sheet as a spreadsheet: one row per learner and session, so the day is a real
 * date that sorts and filters, and a pivot table gives back the printed grid.
 */
export const ATTENDANCE_EXPORT_HEADERS = ['Họ và tên', 'Ngày', 'Chủ đề', 'Điểm danh'] as const;

/** The words of each status in the export (the app's own words come from the locales). */
export const STATUS_WORDS: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  absent: 'Vắng',
  late: 'Đi muộn',
  excused: 'Vắng có phép',
};

export function attendanceExportRows(sheet: AttendanceSheet): ExportCell[][] {
  return sheet.rows.flatMap(({ learner, statuses }) =>
    sheet.sessions.map((session, i) => [
      learner.displayName,
      exportDate(session.day),
      session.topic,
      STATUS_WORDS[statuses[i]!],
    ]),
  );
}
