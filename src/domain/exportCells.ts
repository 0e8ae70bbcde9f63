import { VIETNAM_OFFSET_MS } from './vietnamTime';

/**
 * The cells of every export (CSV and XLSX) people open in a spreadsheet: text, numbers, calendar
 * dates and moments. Dates and moments are shown in Vietnam's time (UTC+7, no daylight saving),
 * the same wording in both formats; XLSX keeps them as real dates so they sort and filter.
 */
export type ExportCell = string | number | ExportDate;

/** A calendar date (YYYY-MM-DD) or a moment (an ISO instant), with its spreadsheet format. */
export interface ExportDate {
  kind: 'date' | 'moment';
  iso: string;
}

export const exportDate = (iso: string): ExportDate => ({ kind: 'date', iso });
export const exportMoment = (iso: string): ExportDate => ({ kind: 'moment', iso });

/** The spreadsheet number formats of the two date kinds, as the CSV text shows them. */
export const DATE_FORMATS = { date: 'dd/mm/yyyy', moment: 'dd/mm/yyyy hh:mm' } as const;

/**
 * The wall-clock time in Vietnam as a Date whose UTC fields hold it: what a spreadsheet (which
 * knows no time zones) must store to show the local date and time.
 */
export function vietnamWallClock(cell: ExportDate): Date {
  if (cell.kind === 'date') return new Date(`${cell.iso}T00:00:00Z`);
  return new Date(Date.parse(cell.iso) + VIETNAM_OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "28/11/2026" for a date, "28/11/2026 16:05" for a moment, in Vietnam's time. */
export function localText(cell: ExportDate): string {
  const d = vietnamWallClock(cell);
  const day = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return cell.kind === 'date' ? day : `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * A CSV cell as text a spreadsheet will not run as a formula (OWASP "CSV injection"): text that
 * starts with = + - @ or a tab or carriage return gets a leading apostrophe. XLSX cells are typed
 * and need no such guard.
 */
export function csvCell(cell: ExportCell): string | number {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return localText(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
