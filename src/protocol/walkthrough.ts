import { z } from 'zod';
import { slugSchema } from './events.ts';
import { localizedTextSchema } from './localized.ts';

/**
 * A guided walkthrough of a real public e-service, with practice screens that imitate each
 * step. Screens are declarative — fields, their checks and hints — and one engine renders
 * them; nothing a person types on them is ever sent anywhere.
 */

/** What a practice field checks before the step can go on. */
export const fieldCheckSchema = z.union([
  z.strictObject({ equals: z.string() }),
  z.strictObject({ oneOf: z.array(z.string()).min(1) }),
  z.strictObject({ pattern: z.string() }),
  z.strictObject({ filled: z.literal(true) }),
  z.strictObject({ checked: z.literal(true) }),
]);
export type FieldCheck = z.infer<typeof fieldCheckSchema>;

export const FIELD_KINDS = [
  'text',
  'number',
  'phone',
  'date',
  'password',
  'otp',
  'select',
  'checkbox',
] as const;

export const practiceFieldSchema = z
  .strictObject({
    id: slugSchema,
    kind: z.enum(FIELD_KINDS),
    label: localizedTextSchema,
    /** Shown when the entry does not pass its check: says what to fix, kindly. */
    hint: localizedTextSchema,
    /** The fake practice value the person is told to use (shown on the screen). */
    sample: z.string().optional(),
    options: z.array(z.strictObject({ id: slugSchema, text: localizedTextSchema })).optional(),
    check: fieldCheckSchema,
  })
  .superRefine((field, ctx) => {
    const problem = (message: string, path: string[]) =>
      ctx.addIssue({ code: 'custom', message, path });
    if (field.kind === 'select' && !field.options?.length) {
      problem('a select field lists its options', ['options']);
    }
    if (field.kind !== 'select' && field.options)
      problem('only select fields have options', ['options']);
    if ('pattern' in field.check) {
      try {
        new RegExp(field.check.pattern);
      } catch {
        problem('not a valid regular expression', ['check', 'pattern']);
      }
    }
    if (field.kind === 'checkbox' && !('checked' in field.check)) {
      problem('a checkbox is checked with { checked: true }', ['check']);
    }
  });
export type PracticeField = z.infer<typeof practiceFieldSchema>;

export const practiceScreenSchema = z.strictObject({
  /** The title bar of the imitated app or site. */
  appBar: localizedTextSchema,
  intro: localizedTextSchema.optional(),
  fields: z.array(practiceFieldSchema),
  /** The button that goes on, e.g. "Tiếp tục". */
  action: localizedTextSchema,
});
export type PracticeScreen = z.infer<typeof practiceScreenSchema>;

export const walkthroughStepSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  /** What happens on this screen in the real service, and what to watch for. */
  explain: localizedTextSchema,
  screen: practiceScreenSchema,
});
export type WalkthroughStep = z.infer<typeof walkthroughStepSchema>;

export const walkthroughSchema = z.strictObject({
  id: slugSchema,
  version: z.int().min(1),
  title: localizedTextSchema,
  /** What the service is for. */
  summary: localizedTextSchema,
  /** Who can use it. */
  audience: localizedTextSchema,
  /** The month the steps describe, e.g. "2025-10". */
  asOf: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'must be a month like 2025-10'),
  /** Only where well established; otherwise left out. */
  cost: localizedTextSchema.optional(),
  duration: localizedTextSchema.optional(),
  /** Where to get help: the commune office, the community tech team, a hotline on the site. */
  help: localizedTextSchema,
  realService: z.strictObject({ name: localizedTextSchema, url: z.url({ protocol: /^https$/ }) }),
  /** Papers and information to prepare, as a checklist the person ticks. */
  checklist: z.array(z.strictObject({ id: slugSchema, text: localizedTextSchema })).min(1),
  steps: z.array(walkthroughStepSchema).min(2),
  /** Where the steps come from, for reviewers. */
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url() })).min(1),
});
export type Walkthrough = z.infer<typeof walkthroughSchema>;

/**
 * A walkthrough file as authored: the walkthrough and the day it was last checked against its
 * sources. The day stays in the file (a test fails a year after it); the pack keeps `asOf`.
 */
export const walkthroughSourceSchema = walkthroughSchema.extend({
  lastChecked: z.iso.date('must be a day like 2026-11-29'),
});
export type WalkthroughSource = z.infer<typeof walkthroughSourceSchema>;
