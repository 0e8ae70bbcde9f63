import type { RosterCells } from '../../../protocol';

export const ROSTER_COLUMNS = ['fullName', 'birthYear', 'phone'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** The headers each column is known by, in Vietnamese and English, folded (see `fold`). */
const HEADERS: Record<RosterColumn, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ten hoc vien', 'ten hoc sinh', 'full name', 'name'],
  birthYear: ['nam sinh', 'year of birth', 'birth year', 'born'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'phone number', 'mobile'],
};
const REQUIRED: RosterColumn[] = ['fullName', 'birthYear'];

export type RosterFile =
  | { ok: true; rows: RosterCells[] }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'columns'; missing: RosterColumn[] };

/** "Họ và Tên " as "ho va ten": no accents, lower case, single spaces, no trailing colon. */
function fold(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[:*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A spreadsheet's cell as text. A phone typed as a number lost its leading 0 (912345678):
 * it gets it back. A date typed in the year's column counts as its year.
 */
function cellText(value: unknown, column: RosterColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const digits = String(value);
    return column === 'phone' && /^[1-9]\d{8,9}$/.test(digits) ? `0${digits}` : digits;
  }
  if (value instanceof Date) return String(value.getUTCFullYear());
  return String(value);
}

/**
 * The roster in a table read from a file: the first row is the header (in any order, with other
 * columns ignored), each later row a person with its row number in the file. Blank rows at the
 * end are dropped; blank rows between people stay, for the check to point at.
 */
export function rosterFromTable(table: readonly (readonly unknown[])[]): RosterFile {
  const [header = [], ...body] = table;
  const index = new Map<RosterColumn, number>();
  header.forEach((cell, position) => {
    const name = fold(cellText(cell, 'fullName'));
    const column = ROSTER_COLUMNS.find((c) => HEADERS[c].includes(name));
    if (column && !index.has(column)) index.set(column, position);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) return { ok: false, problem: 'columns', missing };
  const cell = (row: readonly unknown[], column: RosterColumn) => {
    const position = index.get(column);
    return position === undefined ? '' : cellText(row[position], column);
  };
  const rows = body.map((row, i) => ({
    row: i + 2,
    fullName: cell(row, 'fullName'),
    birthYear: cell(row, 'birthYear').trim(),
    phone: cell(row, 'phone'),
  }));
  const isBlank = (r: RosterCells) => `${r.fullName}${r.birthYear}${r.phone}`.trim() === '';
  while (rows.length > 0 && isBlank(rows.at(-1)!)) rows.pop();
  return { ok: true, rows };
}

const XLSX = /\.xlsx$/i;

/**
 * Reads a CSV (comma or semicolon, UTF-8) or XLSX roster. The readers load only when a teacher
 * picks a file, so the app's first download stays the same size.
 */
export async function readRosterFile(file: File): Promise<RosterFile> {
  try {
    if (XLSX.test(file.name)) {
      const { readSheet } = await import('read-excel-file/browser');
      return rosterFromTable(await readSheet(file));
    }
    const { parse } = await import('csv-parse/browser/esm/sync');
    const text = (await file.text()).replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
    const table = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return rosterFromTable(table);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
