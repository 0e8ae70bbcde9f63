/** Reading a list (a class's roster, an agency's staff) from a CSV or XLSX file. */

/** "Họ và Tên " as "ho va ten": no accents, lower case, single spaces, no trailing colon. */
export function fold(header: string): string {
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
export function cellText(value: unknown, column: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const digits = String(value);
    return column === 'phone' && /^[1-9]\d{8,9}$/.test(digits) ? `0${digits}` : digits;
  }
  if (value instanceof Date) return String(value.getUTCFullYear());
  return String(value);
}

const XLSX = /\.xlsx$/i;

/**
 * The table in a CSV (comma or semicolon, UTF-8) or XLSX file, or null when it cannot be read.
 * The readers load only when someone picks a file, so the app's first download stays the same.
 */
export async function readTable(file: File): Promise<unknown[][] | null> {
  try {
    if (XLSX.test(file.name)) {
      const { readSheet } = await import('read-excel-file/browser');
      return await readSheet(file);
    }
    const { parse } = await import('csv-parse/browser/esm/sync');
    const text = (await file.text()).replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    return null;
  }
}
