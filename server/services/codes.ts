import { createHash, randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or copied (no I, O, 0, 1). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code such as "K7QP-M2XD" (40 random bits) for a person to type: join codes, reset codes. */
export function newCode(): string {
  const raw = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(
    '',
  );
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** The hash a code is stored as, the same however it was typed (case, spaces, dash). */
export function hashCode(code: string, salt = ''): string {
  return createHash('sha256')
    .update(salt + code.toUpperCase().replace(/[\s-]/g, ''))
    .digest('hex');
}
