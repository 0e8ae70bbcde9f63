import { z } from 'zod';

/**
 * Vietnamese phone numbers in one form, so that one number is one account: `0911 222 333`,
 * `84911222333`, `+84 911 222 333` and `0084911222333` are all stored as `0911222333`.
 * Spaces, dots, dashes and brackets are dropped; the country code (+84, 0084, or 84 before a
 * full 9–10 digit number, which no national number is) becomes the leading 0.
 * Returns null when what is left is not a national number (0 and 9–10 more digits).
 */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+84')) national = `0${compact.slice(3)}`;
  else if (compact.startsWith('+')) return null;
  else if (compact.startsWith('0084')) national = `0${compact.slice(4)}`;
  else if (compact.startsWith('84') && compact.length >= 11) national = `0${compact.slice(2)}`;
  else national = compact;
  return /^0[1-9]\d{8,9}$/.test(national) ? national : null;
}

/** Whether a login is written like a phone number (digits, maybe +, spaces, dots, dashes). */
export function looksLikePhone(login: string): boolean {
  return /^\+?[\d\s.()-]+$/.test(login.trim());
}

/** A phone number in a request body, normalised (see `normalisePhone`). */
export const phoneSchema = z
  .string()
  .max(30)
  .transform((value, ctx) => {
    const phone = normalisePhone(value);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: 'a Vietnamese phone number' });
      return z.NEVER;
    }
    return phone;
  });
