import type { ESLint } from 'eslint';

/** Each folder and the folders it may import from (see arrows.js). */
export const ARROWS: Record<string, string[]>;
/** Wrong-way imports let pass for now: file → the folders it still reaches. */
export const KNOWN_WRONG_WAY: Record<string, string[]>;
export const arrowsPlugin: ESLint.Plugin;
