/**
 * A profile's display and reading settings. Every setting is a choice among a few values, so
 * the schema is the list of allowed values with the default first. Saved data is read with
 * `readSettings`: an unknown or damaged value falls back to its default, field by field, and
 * never blocks the app from starting. (Written without zod on purpose: this runs on the first
 * screen, where zod would add about 15 KB gzip.)
 */
export const SETTING_CHOICES = {
  language: ['vi', 'en'],
  largeText: [false, true],
  highContrast: [false, true],
  reduceMotion: [false, true],
  readingRate: [1, 0.75, 1.25],
} as const;

type Choices = typeof SETTING_CHOICES;
export type Settings = { -readonly [K in keyof Choices]: Choices[K][number] };

export const READING_RATES = [0.75, 1, 1.25] as const;

export const DEFAULT_SETTINGS = Object.fromEntries(
  Object.entries(SETTING_CHOICES).map(([key, choices]) => [key, choices[0]]),
) as Settings;

export function readSettings(raw: unknown): Settings {
  const saved = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(SETTING_CHOICES).map(([key, choices]) => [
      key,
      (choices as readonly unknown[]).includes(saved[key]) ? saved[key] : choices[0],
    ]),
  ) as Settings;
}
