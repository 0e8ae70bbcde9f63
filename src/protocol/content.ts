import { z } from 'zod';
import { slugSchema } from './events.ts';
import { localizedTextSchema } from './localized.ts';

/**
 * Authored content (YAML files in content/) and the compiled content pack the app installs.
 * The pack format is a contract between the build and installed apps:
 * DO NOT CHANGE IT WITHOUT BUMPING CONTENT_PACK_FORMAT and teaching the app to read both.
 */
export const CONTENT_PACK_FORMAT = 1;

const relativeImagePath = z
  .string()
  .regex(/^images\/[a-z0-9-]+\.svg$/, 'must be images/<kebab-name>.svg inside the course folder');

export const lessonStepSourceSchema = z
  .strictObject({
    id: slugSchema,
    title: localizedTextSchema,
    body: localizedTextSchema,
    image: relativeImagePath.optional(),
    imageAlt: localizedTextSchema.optional(),
  })
  .refine((step) => !step.image || step.imageAlt, {
    message: 'an image needs imageAlt in every language',
    path: ['imageAlt'],
  });

export const lessonSourceSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  minutes: z.int().min(1).max(120),
  steps: z.array(lessonStepSourceSchema).min(1),
});

export const QUESTION_KINDS = ['single', 'multiple', 'true-false'] as const;

export const questionSchema = z
  .strictObject({
    id: slugSchema,
    kind: z.enum(QUESTION_KINDS),
    prompt: localizedTextSchema,
    options: z
      .array(z.strictObject({ id: slugSchema, text: localizedTextSchema }))
      .min(2)
      .max(8),
    answer: z.array(slugSchema).min(1),
    explanation: localizedTextSchema,
  })
  .superRefine((q, ctx) => {
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', message: 'option ids must be unique', path: ['options'] });
    }
    for (const [i, id] of q.answer.entries()) {
      if (!ids.includes(id)) {
        ctx.addIssue({ code: 'custom', message: `"${id}" is not an option`, path: ['answer', i] });
      }
    }
    if (new Set(q.answer).size !== q.answer.length) {
      ctx.addIssue({ code: 'custom', message: 'answer lists an option twice', path: ['answer'] });
    }
    if (q.kind !== 'multiple' && q.answer.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${q.kind} question has exactly one answer`,
        path: ['answer'],
      });
    }
    if (q.kind === 'true-false' && ids.join(',') !== 'true,false') {
      ctx.addIssue({
        code: 'custom',
        message: 'a true-false question has the options "true" then "false"',
        path: ['options'],
      });
    }
  });
export type Question = z.infer<typeof questionSchema>;

export const quizSourceSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  questions: z.array(questionSchema).min(1),
});

export const courseSourceSchema = z.strictObject({
  id: slugSchema,
  version: z.int().min(1),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  minutes: z.int().min(1),
  mastery: z.number().gt(0).max(1),
  lessons: z.array(slugSchema).min(1),
  quiz: slugSchema,
});

/** A paragraph or a bulleted list: the only text blocks lessons use, so no HTML is ever injected. */
export const textBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('p'), text: z.string() }),
  z.strictObject({ kind: z.literal('ul'), items: z.array(z.string()).min(1) }),
]);
export type TextBlock = z.infer<typeof textBlockSchema>;

const localizedBlocksSchema = z.strictObject({
  vi: z.array(textBlockSchema),
  en: z.array(textBlockSchema),
});

export const lessonStepSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  body: localizedBlocksSchema,
  /** The SVG inlined as a data: URL, so the pack alone is enough offline. */
  image: z
    .strictObject({ src: z.string().startsWith('data:image/svg+xml,'), alt: localizedTextSchema })
    .optional(),
});
export type LessonStep = z.infer<typeof lessonStepSchema>;

export const lessonSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  minutes: z.int(),
  steps: z.array(lessonStepSchema).min(1),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const quizSchema = quizSourceSchema;
export type Quiz = z.infer<typeof quizSchema>;

export const courseSchema = z.strictObject({
  id: slugSchema,
  version: z.int(),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  minutes: z.int(),
  mastery: z.number(),
  lessons: z.array(lessonSchema).min(1),
  quiz: quizSchema,
});
export type Course = z.infer<typeof courseSchema>;

export const contentPackSchema = z.strictObject({
  format: z.literal(CONTENT_PACK_FORMAT),
  id: slugSchema,
  version: z.int(),
  courses: z.array(courseSchema).min(1),
});
export type ContentPack = z.infer<typeof contentPackSchema>;

/** `content/manifest.json`: what packs this build ships, with the hash that says if one changed. */
export const contentManifestSchema = z.strictObject({
  format: z.literal(CONTENT_PACK_FORMAT),
  packs: z.array(
    z.strictObject({
      id: slugSchema,
      version: z.int(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      url: z.string(),
      bytes: z.int().positive(),
    }),
  ),
});
export type ContentManifest = z.infer<typeof contentManifestSchema>;
export type ContentManifestEntry = ContentManifest['packs'][number];
