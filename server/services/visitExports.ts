import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import type { VisitAggregates } from '../../src/protocol';
import {
  csvSafeCell,
  summaryExportRows,
  SUMMARY_EXPORT_HEADERS,
  VISIT_EXPORT_HEADERS,
  visitExportRows,
} from '../../src/domain/visits';
import type { Database } from '../db/database';
import { listHeads } from './visitReads';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  rows: number;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A table as CSV (UTF-8 with a byte-order mark, so Excel shows Vietnamese) or XLSX. */
async function table(
  format: ExportFormat,
  headers: readonly string[],
  rows: (string | number)[][],
  sheet: string,
): Promise<ExportFile> {
  if (format === 'csv') {
    const safe = rows.map((row) => row.map(csvSafeCell));
    const body = Buffer.from(stringify([[...headers], ...safe], { bom: true }), 'utf8');
    return { body, contentType: CONTENT_TYPES.csv, rows: rows.length };
  }
  const data = [
    headers.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map((value) => ({ value }))),
  ];
  const body = await writeXlsxFile(data, { sheet }).toBuffer();
  return { body, contentType: CONTENT_TYPES.xlsx, rows: rows.length };
}

/** Every record's head version with its personal fields: for the team leader only. */
export async function teamVisitsExport(
  db: Database,
  teamId: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const heads = await listHeads(db, teamId, null);
  const names = new Map<string, string>();
  const volunteers = await db.query<{ visit_id: string; display_name: string }>(
    `SELECT t.visit_id, a.display_name FROM team_visits t JOIN accounts a ON a.id = t.volunteer_id
     WHERE t.team_id = $1`,
    [teamId],
  );
  for (const v of volunteers) names.set(v.visit_id, v.display_name);
  const rows = visitExportRows(
    heads.map((h) => ({
      record: h.record,
      volunteerName: names.get(h.record.visitId) ?? '',
      receivedAt: h.receivedAt,
    })),
  );
  return table(format, VISIT_EXPORT_HEADERS, rows, 'Nhật ký');
}

/** Figures only: a commune's or a province's summary. */
export function summaryExport(
  summary: VisitAggregates,
  groups: Parameters<typeof summaryExportRows>[1],
  format: ExportFormat,
): Promise<ExportFile> {
  return table(format, SUMMARY_EXPORT_HEADERS, summaryExportRows(summary, groups), 'Số liệu');
}
