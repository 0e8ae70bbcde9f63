import type { RosterCells } from '../../../protocol';
import { cellText, fold, readTable } from '../sheetFile';

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

/** Reads a class roster from a CSV or XLSX file. */
export async function readRosterFile(file: File): Promise<RosterFile> {
  const table = await readTable(file);
  return table ? rosterFromTable(table) : { ok: false, problem: 'unreadable' };
}
