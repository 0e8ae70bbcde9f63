import {
  PROGRESS_EXPORT_HEADERS,
  progressExportRows,
} from '../../src/domain/assignmentProgressExport';
import { contentTitles } from '../certificates/catalog';
import type { Database } from '../db/database';
import { assignmentProgress } from './assignmentProgress';
import { exportFile, type ExportFile, type ExportFormat } from './exportFiles';
import type { Outcome } from './organisations';

/** The progress table of an organisation's teacher or admin as CSV or XLSX. */
export async function assignmentProgressExport(
  db: Database,
  actorId: string,
  organisationId: string,
  format: ExportFormat,
): Promise<Outcome<ExportFile, 'forbidden' | 'not_found'>> {
  const progress = await assignmentProgress(db, actorId, organisationId);
  if (!progress.ok) return progress;
  const titles = contentTitles();
  const rows = progressExportRows(progress.value, (key) => titles.get(key));
  return {
    ok: true,
    value: await exportFile(format, PROGRESS_EXPORT_HEADERS, rows, 'Tiến độ'),
  };
}
