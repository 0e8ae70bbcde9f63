import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import {
  csvCell,
  DATE_FORMATS,
  vietnamWallClock,
  type ExportCell,
} from '../../src/domain/exportCells';

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

/** An XLSX cell: text and numbers as they are, dates as real dates in Vietnam's time. */
function sheetCell(cell: ExportCell) {
  if (typeof cell === 'string' || typeof cell === 'number') return { value: cell };
  return { value: vietnamWallClock(cell), type: Date, format: DATE_FORMATS[cell.kind] };
}

/**
 * A table as CSV (UTF-8 with a byte-order mark, so Excel shows Vietnamese) or XLSX, with the same
 * wording in both.
 */
export async function exportFile(
  format: ExportFormat,
  headers: readonly string[],
  rows: readonly ExportCell[][],
  sheet: string,
): Promise<ExportFile> {
  if (format === 'csv') {
    const text = stringify([[...headers], ...rows.map((row) => row.map(csvCell))], { bom: true });
    return { body: Buffer.from(text, 'utf8'), contentType: CONTENT_TYPES.csv, rows: rows.length };
  }
  const data = [
    headers.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map(sheetCell)),
  ];
  const body = await writeXlsxFile(data, { sheet }).toBuffer();
  return { body, contentType: CONTENT_TYPES.xlsx, rows: rows.length };
}
