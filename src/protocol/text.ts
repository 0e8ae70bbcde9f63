import { z } from 'zod';

/**
 * The one rule for text people type that reaches the database (names, logins, notes, reasons):
 *
 * - no control characters (NUL and the like; tab and line feed only in multi-line text) and no
 *   lone UTF-16 surrogates: PostgreSQL refuses NUL and broken surrogates, and none belong in a log;
 * - no invisible formatting characters (bidi overrides and isolates, zero-width spaces, the BOM…)
 *   in names, where a right-to-left override makes one name look like another; free text keeps
 *   only the zero-width joiner and non-joiner that emoji and some scripts need;
 * - no line or paragraph separators outside multi-line text;
 * - Unicode NFC, trimmed, so one name typed on two phones is one string.
 */
export interface TextRule {
  max: number;
  min?: number;
  /** A person's or an organisation's name, a login: no formatting characters at all. */
  name?: boolean;
  /** Notes and reasons: line feeds and tabs allowed. */
  multiline?: boolean;
}

const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_TAB_AND_LINE_FEED = /[^\P{Cc}\t\n]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const FORMAT = /\p{Cf}/u;
const FORMAT_BUT_JOINERS = /[^\P{Cf}\u200c\u200d]/u;
const LINE_SEPARATORS = /[\u2028\u2029]/u;

/** Why `value` breaks the rule, or null when it keeps it (it must already be trimmed and NFC). */
export function textProblem(
  value: string,
  rule: Omit<TextRule, 'max' | 'min'> = {},
): string | null {
  if (LONE_SURROGATE.test(value)) return 'no half of a surrogate pair';
  if ((rule.multiline ? CONTROL_BUT_TAB_AND_LINE_FEED : CONTROL).test(value)) {
    return 'no control characters';
  }
  if ((rule.name ? FORMAT : FORMAT_BUT_JOINERS).test(value)) {
    return 'no invisible formatting characters';
  }
  if (!rule.multiline && LINE_SEPARATORS.test(value)) return 'no line breaks';
  return null;
}

/** Trimmed and NFC: the form every text is stored in. */
export function cleanText(value: string): string {
  return value.trim().normalize('NFC');
}

function checked(schema: z.ZodString, rule: TextRule) {
  return schema
    .min(rule.min ?? 1)
    .max(rule.max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Text in a request body: trimmed and NFC-normalised, then checked against the rule. */
export function textSchema(rule: TextRule) {
  return checked(z.string().trim().normalize('NFC'), rule);
}

/**
 * Text inside an event, which is immutable and stored as the phone wrote it: it must already be
 * in the clean form (trimmed, NFC) rather than be changed on the way in.
 */
export function exactTextSchema(rule: TextRule) {
  return checked(
    z.string().refine((value) => value === cleanText(value), 'trimmed and in Unicode NFC'),
    rule,
  );
}
