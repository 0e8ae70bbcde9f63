import type { FieldCheck, PracticeField } from '../protocol/walkthrough';

/**
 * Practice screens use fake data only. A number of 9 or more digits (an ID, a phone or
 * account number) must carry the practice marker — it starts with 000, which no real citizen
 * ID or Vietnamese phone number does — and passwords must say they are practice ones.
 */
export const PRACTICE_NUMBER_PREFIX = '000';
export const PRACTICE_PASSWORD_MARK = /luyentap/i;

const LONG_NUMBER = /\d[\d .-]{7,}\d/g;

/** The long digit runs in a value, with spaces, dots and dashes removed. */
function longNumbers(value: string): string[] {
  return (value.match(LONG_NUMBER) ?? [])
    .map((run) => run.replace(/[ .-]/g, ''))
    .filter((digits) => digits.length >= 9);
}

/** True when a value looks like real personal data rather than practice data. */
export function looksReal(value: string): boolean {
  return longNumbers(value).some((digits) => !digits.startsWith(PRACTICE_NUMBER_PREFIX));
}

function checkValues(check: FieldCheck): string[] {
  if ('equals' in check) return [check.equals];
  if ('oneOf' in check) return check.oneOf;
  return [];
}

/** A pattern that would accept a real-looking long number lets people type their real data. */
function patternAcceptsRealNumber(check: FieldCheck): boolean {
  if (!('pattern' in check)) return false;
  const pattern = new RegExp(check.pattern);
  return ['123456789', '0912345678', '001234567890', '079123456789'].some((n) => pattern.test(n));
}

/** Why a practice field could collect real personal data, or null when it is safe. */
export function unsafePracticeField(field: PracticeField): string | null {
  const values = [field.sample ?? '', ...checkValues(field.check)];
  if (values.some(looksReal)) {
    return `a number of 9+ digits must start with ${PRACTICE_NUMBER_PREFIX} (practice data)`;
  }
  if (patternAcceptsRealNumber(field.check)) {
    return 'the pattern accepts a real-looking number: check with equals the practice sample';
  }
  if (field.kind === 'password') {
    const equals = 'equals' in field.check ? field.check.equals : '';
    if (!PRACTICE_PASSWORD_MARK.test(equals)) {
      return 'a password field checks equals a practice password containing "LuyenTap"';
    }
  }
  return null;
}
