import type { PracticeField, PracticeScreen } from '../protocol/walkthrough';

/** Field values on a practice screen: text for inputs and selects, "true" for a ticked box. */
export type PracticeValues = Record<string, string>;

/** Spaces, dots and dashes do not matter in numbers; case does not matter in words. */
function normalise(value: string): string {
  return value.replace(/[\s.-]/g, '').toLowerCase();
}

export function fieldPasses(field: PracticeField, value: string | undefined): boolean {
  const entered = value ?? '';
  const { check } = field;
  if ('checked' in check) return entered === 'true';
  if ('filled' in check) return entered.trim().length > 0;
  if ('equals' in check) return normalise(entered) === normalise(check.equals);
  if ('oneOf' in check)
    return check.oneOf.some((option) => normalise(option) === normalise(entered));
  return new RegExp(check.pattern).test(entered.trim());
}

/** The first field that does not pass, whose hint the screen shows; null when all pass. */
export function firstProblem(screen: PracticeScreen, values: PracticeValues): PracticeField | null {
  return screen.fields.find((field) => !fieldPasses(field, values[field.id])) ?? null;
}

/** The values that pass every check, to show a person what to do ("show me"). */
export function sampleValues(screen: PracticeScreen): PracticeValues {
  return Object.fromEntries(
    screen.fields.map((field) => {
      const { check } = field;
      if ('checked' in check) return [field.id, 'true'];
      if ('equals' in check) return [field.id, field.sample ?? check.equals];
      if ('oneOf' in check) return [field.id, check.oneOf[0]!];
      return [field.id, field.sample ?? ''];
    }),
  );
}
