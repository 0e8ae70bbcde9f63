import { z } from 'zod';
import { normalisePhone } from './phones.ts';
import {
  MAX_ROSTER_ROWS,
  nameProblem,
  type RosterProblem,
  type RosterProblemCode,
} from './roster.ts';
import { cleanText, textProblem } from './text.ts';

/**
 * An agency's staff list imported from a spreadsheet: the contract of POST /api/orgs/:id/staff.
 * The app checks the file with `checkStaff` and the server checks the same rows again with the
 * same function, so a file is refused with the same words on both sides. A unit the agency does
 * not have yet is created by the import: the admin's list is where an agency's units come from.
 */
const MAX_STAFF_NUMBER = 20;
const MAX_UNIT = 120;
const MAX_POSITION = 80;

/** One row as read from the file: its row number there (the header is row 1) and its cells. */
export const staffCellsSchema = z.strictObject({
  row: z.int().min(2).max(1_000_000),
  staffNumber: z.string().max(60),
  fullName: z.string().max(300),
  unit: z.string().max(300),
  position: z.string().max(300),
  phone: z.string().max(60),
});
export type StaffCells = z.infer<typeof staffCellsSchema>;

export const staffImportRequestSchema = z.strictObject({
  rows: z.array(staffCellsSchema).min(1),
});

/** A staff member to add, every field in its stored form. */
export interface StaffMember {
  row: number;
  staffNumber: string;
  fullName: string;
  unit: string;
  position: string;
  phone: string | null;
}

export type StaffCheck =
  { ok: true; staff: StaffMember[] } | { ok: false; problems: RosterProblem[] };

const oneLine = (cell: string) => cleanText(cell).replace(/\s+/g, ' ');

function staffNumberProblem(value: string): RosterProblemCode | null {
  if (value === '') return 'staff_number_missing';
  return value.length > MAX_STAFF_NUMBER || !/^[\p{L}\p{N}._/-]+$/u.test(value)
    ? 'staff_number_invalid'
    : null;
}

function labelProblem(
  value: string,
  max: number,
  missing: RosterProblemCode,
  invalid: RosterProblemCode,
): RosterProblemCode | null {
  if (value === '') return missing;
  return value.length > max || textProblem(value) ? invalid : null;
}

/** A staff number as compared for repeats: case does not make two numbers. */
export const staffNumberKey = (value: string) => value.toLocaleUpperCase('vi');

/**
 * Every problem of every row, or the staff to add when there is none: a file is imported whole
 * or not at all. Staff numbers and phones must not repeat; a unit or position is any short text.
 */
export function checkStaff(rows: readonly StaffCells[]): StaffCheck {
  if (rows.length === 0) return { ok: false, problems: [{ problem: 'no_rows' }] };
  if (rows.length > MAX_ROSTER_ROWS) return { ok: false, problems: [{ problem: 'too_many_rows' }] };
  const problems: RosterProblem[] = [];
  const staff: StaffMember[] = [];
  const numbers = new Map<string, number>();
  const phones = new Map<string, number>();
  for (const cells of rows) {
    const { row } = cells;
    const member = {
      row,
      staffNumber: oneLine(cells.staffNumber),
      fullName: oneLine(cells.fullName),
      unit: oneLine(cells.unit),
      position: oneLine(cells.position),
    };
    const texts = [member.staffNumber, member.fullName, member.unit, member.position];
    if (texts.every((v) => v === '') && cells.phone.trim() === '') {
      problems.push({ row, problem: 'empty_row' });
      continue;
    }
    const found: RosterProblem[] = [
      staffNumberProblem(member.staffNumber),
      nameProblem(member.fullName),
      labelProblem(member.unit, MAX_UNIT, 'unit_missing', 'unit_invalid'),
      labelProblem(member.position, MAX_POSITION, 'position_missing', 'position_invalid'),
    ].flatMap((problem) => (problem ? [{ row, problem }] : []));
    const phone = cells.phone.trim() === '' ? null : normalisePhone(cells.phone);
    if (cells.phone.trim() !== '' && phone === null) found.push({ row, problem: 'phone_invalid' });
    if (member.staffNumber !== '') {
      const first = numbers.get(staffNumberKey(member.staffNumber));
      if (first === undefined) numbers.set(staffNumberKey(member.staffNumber), row);
      else found.push({ row, problem: 'staff_number_repeated', sameAs: first });
    }
    if (phone) {
      const first = phones.get(phone);
      if (first === undefined) phones.set(phone, row);
      else found.push({ row, problem: 'phone_repeated', sameAs: first });
    }
    problems.push(...found);
    if (found.length === 0) staff.push({ ...member, phone });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, staff };
}

/** What the admin gets back once: each new staff member's login and initial password. */
export const importedStaffSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  staffNumber: z.string(),
  unit: z.string(),
  position: z.string(),
  username: z.string(),
  password: z.string(),
});
export type ImportedStaff = z.infer<typeof importedStaffSchema>;

export const staffImportResponseSchema = z.object({
  imported: z.array(importedStaffSchema),
  /** Units the import created, by name. */
  newUnits: z.array(z.string()),
});
