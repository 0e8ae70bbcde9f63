import type { StaffCells } from '../../../protocol';
import { cellText, fold, readTable } from '../sheetFile';

export const STAFF_COLUMNS = ['staffNumber', 'fullName', 'unit', 'position', 'phone'] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

/** The headers each column is known by, in Vietnamese and English, folded. */
const HEADERS: Record<StaffColumn, string[]> = {
  staffNumber: [
    'so hieu',
    'so hieu can bo',
    'ma can bo',
    'ma so',
    'ma nhan vien',
    'staff number',
    'staff no',
    'employee number',
    'id',
  ],
  fullName: ['ho va ten', 'ho ten', 'full name', 'name'],
  unit: ['phong ban', 'phong, ban', 'don vi', 'phong', 'unit', 'department'],
  position: ['chuc vu', 'vi tri', 'chuc danh', 'position', 'job title', 'title'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'phone number', 'mobile'],
};
const REQUIRED: StaffColumn[] = ['staffNumber', 'fullName', 'unit', 'position'];

export type StaffFile =
  | { ok: true; rows: StaffCells[] }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'columns'; missing: StaffColumn[] };

/** The staff in a table read from a file: the header first (any order), then one row each. */
export function staffFromTable(table: readonly (readonly unknown[])[]): StaffFile {
  const [header = [], ...body] = table;
  const index = new Map<StaffColumn, number>();
  header.forEach((cell, position) => {
    const name = fold(cellText(cell, 'header'));
    const column = STAFF_COLUMNS.find((c) => HEADERS[c].includes(name));
    if (column && !index.has(column)) index.set(column, position);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) return { ok: false, problem: 'columns', missing };
  const cell = (row: readonly unknown[], column: StaffColumn) => {
    const position = index.get(column);
    return position === undefined ? '' : cellText(row[position], column);
  };
  const rows = body.map((row, i) => ({
    row: i + 2,
    staffNumber: cell(row, 'staffNumber'),
    fullName: cell(row, 'fullName'),
    unit: cell(row, 'unit'),
    position: cell(row, 'position'),
    phone: cell(row, 'phone'),
  }));
  const isBlank = (r: StaffCells) =>
    `${r.staffNumber}${r.fullName}${r.unit}${r.position}${r.phone}`.trim() === '';
  while (rows.length > 0 && isBlank(rows.at(-1)!)) rows.pop();
  return { ok: true, rows };
}

/** Reads an agency's staff list from a CSV or XLSX file. */
export async function readStaffFile(file: File): Promise<StaffFile> {
  const table = await readTable(file);
  return table ? staffFromTable(table) : { ok: false, problem: 'unreadable' };
}
