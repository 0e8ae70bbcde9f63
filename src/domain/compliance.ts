import {
  COMPLIANCE_STATUSES,
  type ComplianceRow,
  type ComplianceStatus,
} from '../protocol/compliance.ts';
import { exportDate, exportMoment, type ExportCell } from './exportCells.ts';

/** The programme certificate's columns: its day of issue and the link that checks it. */
export const CERTIFICATE_EXPORT_HEADERS = ['Ngày cấp chứng chỉ', 'Đường dẫn kiểm tra'] as const;

export function certificateExportCells(row: ComplianceRow): ExportCell[] {
  const certificate = row.certificate;
  return certificate ? [exportDate(certificate.issuedOn), certificate.verifyLink] : ['', ''];
}

/** The compliance report as a spreadsheet, with Vietnamese headers and names, never ids. */
export const COMPLIANCE_EXPORT_HEADERS = [
  'Số hiệu',
  'Họ và tên',
  'Phòng, ban',
  'Chức vụ',
  'Chương trình',
  'Ngày bắt đầu',
  'Hạn hoàn thành',
  'Trạng thái',
  'Số khoá đã xong',
  'Tổng số khoá',
  'Ngày hoàn thành',
  'Hoạt động gần nhất',
  'Lý do miễn',
  'Điểm kiểm tra cao nhất',
  'Số lần làm bài kiểm tra',
  ...CERTIFICATE_EXPORT_HEADERS,
] as const;

/** The statuses in the order screens list them. */
export const complianceStatuses: readonly ComplianceStatus[] = COMPLIANCE_STATUSES;

/** The words of each status in the export (the app's own words come from the locales). */
export const COMPLIANCE_STATUS_WORDS: Record<ComplianceStatus, string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang học',
  done: 'Đã xong',
  overdue: 'Quá hạn',
  exempt: 'Được miễn',
};

export function complianceExportRows(rows: readonly ComplianceRow[]): ExportCell[][] {
  return rows.map((row) => [
    row.staffNumber,
    row.displayName,
    row.unit,
    row.position,
    row.programme,
    exportDate(row.startDate),
    row.dueDate === null ? '' : exportDate(row.dueDate),
    COMPLIANCE_STATUS_WORDS[row.status],
    row.done,
    row.total,
    row.completedOn === null ? '' : exportDate(row.completedOn),
    row.lastActivity === null ? '' : exportMoment(row.lastActivity),
    row.exemptReason ?? '',
    bestScoresText(row.quizzes),
    row.quizzes.reduce((sum, quiz) => sum + quiz.attempts, 0),
    ...certificateExportCells(row),
  ]);
}

/**
 * Each course's best quiz score in the programme's order, "8/10; –; 6/8": a dash where no
 * attempt has reached the end yet.
 */
export function bestScoresText(quizzes: ComplianceRow['quizzes']): string {
  return quizzes
    .map((quiz) => (quiz.attempts === 0 ? '–' : `${quiz.bestScore}/${quiz.total}`))
    .join('; ');
}
