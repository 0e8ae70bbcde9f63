import { z } from 'zod';

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** A piece of authored text in every shipped language. */
export const localizedTextSchema = z.strictObject({ vi: nonBlank, en: nonBlank });
export type LocalizedText = z.infer<typeof localizedTextSchema>;
