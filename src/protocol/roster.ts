import { z } from 'zod';
import { normalisePhone } from './phones.ts';
import { cleanText, textProblem } from './text.ts';

/**
 * A class roster imported from a spreadsheet: the contract of POST /api/orgs/:id/roster. The app
 * reads the file and checks it with `checkRoster`; the server checks the same rows again with the
 * same function, so a file is refused with the same words on both sides.
 */
export const MAX_ROSTER_ROWS = 5_000;

const MAX_NAME = 80;
const OLDEST_BIRTH_YEAR = 1900;

/** One row as read from the file: its row number there (the header is row 1) and its cells. */
export const rosterCellsSchema = z.strictObject({
  row: z.int().min(2).max(1_000_000),
  fullName: z.string().max(300),
  birthYear: z.string().max(30),
  phone: z.string().max(60),
});
export type RosterCells = z.infer<typeof rosterCellsSchema>;

export const rosterImportRequestSchema = z.strictObject({
  rows: z.array(rosterCellsSchema).min(1),
});

export const ROSTER_PROBLEMS = [
  'no_rows',
  'too_many_rows',
  'empty_row',
  'name_missing',
  'name_invalid',
  'year_missing',
  'year_invalid',
  'phone_invalid',
  'duplicate',
  'phone_repeated',
  'phone_taken',
  // An agency's staff list (staff.ts) shares this vocabulary and the one refusal.
  'staff_number_missing',
  'staff_number_invalid',
  'staff_number_repeated',
  'staff_number_taken',
  'unit_missing',
  'unit_invalid',
  'position_missing',
  'position_invalid',
] as const;
export type RosterProblemCode = (typeof ROSTER_PROBLEMS)[number];

export const rosterProblemSchema = z.object({
  /** The row in the file; absent when the problem is the whole file's. */
  row: z.int().optional(),
  problem: z.enum(ROSTER_PROBLEMS),
  /** The earlier row this one repeats (duplicates). */
  sameAs: z.int().optional(),
});
export type RosterProblem = z.infer<typeof rosterProblemSchema>;

/** The refusal of an import: every problem found, and nothing imported. */
export const rosterRefusalSchema = z.object({
  error: z.object({
    code: z.literal('invalid_body'),
    message: z.string(),
    rows: z.array(rosterProblemSchema),
  }),
});

/** A learner to enrol: the name in its stored form, the year and the phone in its one form. */
export interface RosterLearner {
  row: number;
  fullName: string;
  birthYear: number;
  phone: string | null;
}

export type RosterCheck =
  { ok: true; learners: RosterLearner[] } | { ok: false; problems: RosterProblem[] };

/** Why a cleaned full name cannot be a person's name, or null when it can. */
export function nameProblem(name: string): RosterProblemCode | null {
  if (name === '') return 'name_missing';
  if (name.length > MAX_NAME || textProblem(name, { name: true })) return 'name_invalid';
  return null;
}

function yearOf(cell: string, thisYear: number): number | RosterProblemCode {
  const text = cell.trim();
  if (text === '') return 'year_missing';
  if (!/^\d{4}$/.test(text)) return 'year_invalid';
  const year = Number(text);
  return year < OLDEST_BIRTH_YEAR || year > thisYear ? 'year_invalid' : year;
}

/**
 * A name and year as compared for duplicates, in one file and against a class's learners
 * already enrolled from a roster: case and spacing do not make two people.
 */
export function personKey(name: string, year: number): string {
  return `${name.toLocaleLowerCase('vi').replace(/\s+/g, ' ')}|${year}`;
}

/**
 * Every problem of every row (its number in the file and what is wrong), or the learners to
 * enrol when there is none: a file is imported whole or not at all.
 */
export function checkRoster(rows: readonly RosterCells[], thisYear: number): RosterCheck {
  if (rows.length === 0) return { ok: false, problems: [{ problem: 'no_rows' }] };
  if (rows.length > MAX_ROSTER_ROWS) return { ok: false, problems: [{ problem: 'too_many_rows' }] };
  const problems: RosterProblem[] = [];
  const learners: RosterLearner[] = [];
  const people = new Map<string, number>();
  const phones = new Map<string, number>();
  for (const cells of rows) {
    const { row } = cells;
    const fullName = cleanText(cells.fullName).replace(/\s+/g, ' ');
    if (fullName === '' && cells.birthYear.trim() === '' && cells.phone.trim() === '') {
      problems.push({ row, problem: 'empty_row' });
      continue;
    }
    const before = problems.length;
    const badName = nameProblem(fullName);
    if (badName) problems.push({ row, problem: badName });
    const year = yearOf(cells.birthYear, thisYear);
    if (typeof year === 'string') problems.push({ row, problem: year });
    const phone = cells.phone.trim() === '' ? null : normalisePhone(cells.phone);
    if (cells.phone.trim() !== '' && phone === null)
      problems.push({ row, problem: 'phone_invalid' });
    if (typeof year === 'number' && !badName) {
      const key = personKey(fullName, year);
      const first = people.get(key);
      if (first === undefined) people.set(key, row);
      else problems.push({ row, problem: 'duplicate', sameAs: first });
    }
    if (phone) {
      const first = phones.get(phone);
      if (first === undefined) phones.set(phone, row);
      else problems.push({ row, problem: 'phone_repeated', sameAs: first });
    }
    if (problems.length === before && typeof year === 'number') {
      learners.push({ row, fullName, birthYear: year, phone });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, learners };
}

/** What the teacher gets back once: each new learner's login and initial password, for the cards. */
export const importedLearnerSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  birthYear: z.int(),
  username: z.string(),
  password: z.string(),
});
export type ImportedLearner = z.infer<typeof importedLearnerSchema>;

/** A row of the file whose learner the class already has (same name and year): left alone. */
export const skippedLearnerSchema = z.object({
  row: z.int(),
  displayName: z.string(),
  birthYear: z.int(),
});
export type SkippedLearner = z.infer<typeof skippedLearnerSchema>;

export const rosterImportResponseSchema = z.object({
  imported: z.array(importedLearnerSchema),
  skipped: z.array(skippedLearnerSchema),
});
