import type { AssignmentProgress } from '../protocol/assignmentProgress.ts';
import { exportDate, exportMoment, type ExportCell } from './exportCells.ts';

/**
 * The teacher's progress table as a spreadsheet: one row per learner and assigned item, names
 * and titles rather than ids, and the due, done and synced days as real dates.
 */
export const PROGRESS_EXPORT_HEADERS = [
  'Họ và tên',
  'Bài được giao',
  'Hạn',
  'Tình trạng',
  'Ngày xong',
  'Đồng bộ lần cuối',
] as const;

type Status = AssignmentProgress['assignments'][number]['statuses'][number]['status'];

/** The words of each status in the export (the app's own words come from the locales). */
export function statusWords(status: Status): string {
  switch (status.kind) {
    case 'done':
      return 'Đã xong';
    case 'in_progress':
      return 'Đang học';
    case 'not_started':
      return 'Chưa bắt đầu';
    case 'overdue':
      return status.started ? 'Quá hạn, chưa xong' : 'Quá hạn, chưa bắt đầu';
    case 'exempt':
      return `Được miễn: ${status.reason}`;
  }
}

/** `title` names an item by `kind:id`; an item it does not know keeps its id. */
export function progressExportRows(
  progress: AssignmentProgress,
  title: (key: string) => string | undefined,
): ExportCell[][] {
  const learners = new Map(progress.learners.map((l) => [l.accountId, l]));
  const byName = (a: string, b: string) => a.localeCompare(b, 'vi');
  return progress.assignments.flatMap((assignment) => {
    const item = title(`${assignment.item.kind}:${assignment.item.id}`) ?? assignment.item.id;
    return assignment.statuses
      .map(({ accountId, status }) => ({ learner: learners.get(accountId), status }))
      .sort((a, b) => byName(a.learner?.displayName ?? '', b.learner?.displayName ?? ''))
      .map(({ learner, status }) => [
        learner?.displayName ?? '',
        item,
        assignment.dueDate ? exportDate(assignment.dueDate) : '',
        statusWords(status),
        status.kind === 'done' ? exportDate(status.day) : '',
        learner?.lastSyncedAt ? exportMoment(learner.lastSyncedAt) : '',
      ]);
  });
}
