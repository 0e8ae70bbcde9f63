import { z } from 'zod';

/** Languages the app ships. Vietnamese is the source language; every string has an English twin. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const languageSchema = z.enum(LANGUAGES);

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** A piece of authored text in every shipped language. */
export const localizedTextSchema = z.strictObject({ vi: nonBlank, en: nonBlank });
export type LocalizedText = z.infer<typeof localizedTextSchema>;
