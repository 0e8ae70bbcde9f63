import { z } from 'zod';
import { slugSchema } from './events.ts';
import { localizedTextSchema } from './localized.ts';
import { walkthroughSchema } from './walkthrough.ts';

/**
 * Authored content (YAML files in content/) and the compiled content pack the app installs.
 * The pack format is a contract between the build and installed apps:
 * DO NOT CHANGE IT WITHOUT BUMPING CONTENT_PACK_FORMAT and teaching the app to read both.
 */
export const CONTENT_PACK_FORMAT = 1;

/** A DigComp 2.2 competence: area 1–5, competence within it (5 areas, 21 competences). */
export const digcompCompetenceSchema = z
  .string()
  .regex(
    /^(1\.[1-3]|2\.[1-6]|3\.[1-4]|4\.[1-4]|5\.[1-4])$/,
    'must be a DigComp 2.2 competence such as "4.2"',
  );

/**
 * Circular 02/2025/TT-BGDĐT (digital competence framework for learners): its six areas. The
 * 24 competences are not coded here: their exact names could not be confirmed from a
 * published copy, so courses are mapped at area level.
 */
export const TT02_AREAS = {
  '1': 'Khai thác dữ liệu và thông tin',
  '2': 'Giao tiếp và hợp tác trong môi trường số',
  '3': 'Sáng tạo nội dung số',
  '4': 'An toàn',
  '5': 'Giải quyết vấn đề',
  '6': 'Ứng dụng trí tuệ nhân tạo',
} as const;
export const tt02AreaSchema = z.enum(Object.keys(TT02_AREAS) as [keyof typeof TT02_AREAS]);

/**
 * Decision 757/QĐ-BKHCN, basic digital-skills framework for citizens (version 1.0): the skills
 * whose codes and names could be confirmed from published copies (groups 0 and 1).
 */
export const QD757_SKILLS = {
  '0.1': 'Sử dụng thiết bị',
  '0.2': 'Sử dụng phần mềm trên thiết bị',
  '1.1': 'Tìm kiếm, chọn lọc thông tin trên Internet',
  '1.2': 'Đánh giá dữ liệu, thông tin và nội dung trên môi trường Internet',
  '1.3': 'Quản lý dữ liệu, thông tin và nội dung',
} as const;
export const qd757SkillSchema = z.enum(Object.keys(QD757_SKILLS) as [keyof typeof QD757_SKILLS]);

/** A day such as "2026-11-29": when a person last checked the content against its sources. */
export const checkedDateSchema = z.iso.date('must be a day like 2026-11-29');

/** Where the facts come from, for reviewers: the title says who published it and when. */
export const contentSourceSchema = z.strictObject({ title: z.string().min(1), url: z.url() });

const relativeAudioPath = z
  .string()
  .regex(
    /^audio\/[a-z0-9-]+\.(mp3|ogg|wav)$/,
    'must be audio/<kebab-name>.mp3|ogg|wav inside the course folder',
  );

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
    /** A recording of the step in each language, played instead of the phone's voice. */
    audio: z.strictObject({ vi: relativeAudioPath, en: relativeAudioPath.optional() }).optional(),
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

/**
 * single: one right option; multiple: every right option; true-false: options "true" and
 * "false"; picture: single choice where every option is a picture; order: put the options in
 * order — `answer` lists every option id in the right order, and the app shows them shuffled.
 */
export const QUESTION_KINDS = ['single', 'multiple', 'true-false', 'picture', 'order'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const svgDataUrl = z.string().startsWith('data:image/svg+xml,');

function questionSchemaWith<Image extends z.ZodType>(image: Image) {
  return z
    .strictObject({
      id: slugSchema,
      kind: z.enum(QUESTION_KINDS),
      prompt: localizedTextSchema,
      options: z
        .array(
          z.strictObject({ id: slugSchema, text: localizedTextSchema, image: image.optional() }),
        )
        .min(2)
        .max(8),
      answer: z.array(slugSchema).min(1),
      explanation: localizedTextSchema,
    })
    .superRefine((q, ctx) => {
      const ids = q.options.map((o) => o.id);
      const problem = (message: string, path: (string | number)[]) =>
        ctx.addIssue({ code: 'custom', message, path });
      if (new Set(ids).size !== ids.length) problem('option ids must be unique', ['options']);
      for (const [i, id] of q.answer.entries()) {
        if (!ids.includes(id)) problem(`"${id}" is not an option`, ['answer', i]);
      }
      if (new Set(q.answer).size !== q.answer.length) {
        problem('answer lists an option twice', ['answer']);
      }
      const oneAnswer = q.kind === 'single' || q.kind === 'true-false' || q.kind === 'picture';
      if (oneAnswer && q.answer.length !== 1) {
        problem(`a ${q.kind} question has exactly one answer`, ['answer']);
      }
      if (q.kind === 'multiple' && q.answer.length < 2) {
        problem('a multiple question has at least two right options', ['answer']);
      }
      if (q.kind === 'order' && q.answer.length !== ids.length) {
        problem('an order question lists every option in its answer', ['answer']);
      }
      if (q.kind === 'true-false' && ids.join(',') !== 'true,false') {
        problem('a true-false question has the options "true" then "false"', ['options']);
      }
      for (const [i, option] of q.options.entries()) {
        if (q.kind === 'picture' && !option.image) {
          problem('every option of a picture question has an image', ['options', i, 'image']);
        }
        if (q.kind !== 'picture' && option.image) {
          problem('only picture questions have option images', ['options', i, 'image']);
        }
      }
    });
}

export const questionSourceSchema = questionSchemaWith(relativeImagePath);
export const questionSchema = questionSchemaWith(svgDataUrl);
export type Question = z.infer<typeof questionSchema>;

export const quizSourceSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  questions: z.array(questionSourceSchema).min(1),
});

/** Who a course is written for: everyone, or cán bộ, công chức, viên chức at work. */
export const AUDIENCES = ['everyone', 'officials'] as const;
const audienceSchema = z.enum(AUDIENCES).default('everyone');

export const courseSourceSchema = z.strictObject({
  id: slugSchema,
  version: z.int().min(1),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  audience: audienceSchema,
  minutes: z.int().min(1),
  mastery: z.number().gt(0).max(1),
  lessons: z.array(slugSchema).min(1),
  quiz: slugSchema,
  /** DigComp 2.2 competences the course builds, e.g. "4.2" (area 4, competence 2). */
  digcomp: z.array(digcompCompetenceSchema).min(1),
  /** Circular 02/2025/TT-BGDĐT areas the course builds. Authoring only: not in the pack. */
  tt02: z.array(tt02AreaSchema).min(1),
  /** Decision 757/QĐ-BKHCN skills the course builds, where confirmed. Authoring only. */
  qd757: z.array(qd757SkillSchema),
  /** When the course was last checked against its sources. Authoring only. */
  lastChecked: checkedDateSchema,
  sources: z.array(contentSourceSchema).min(1),
});
export type CourseSource = z.infer<typeof courseSourceSchema>;

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
  image: z.strictObject({ src: svgDataUrl, alt: localizedTextSchema }).optional(),
  /** URLs of recordings in the build, by language. */
  audio: z.strictObject({ vi: z.string(), en: z.string().optional() }).optional(),
});
export type LessonStep = z.infer<typeof lessonStepSchema>;

export const lessonSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  minutes: z.int(),
  steps: z.array(lessonStepSchema).min(1),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const quizSchema = z.strictObject({
  id: slugSchema,
  title: localizedTextSchema,
  questions: z.array(questionSchema).min(1),
});
export type Quiz = z.infer<typeof quizSchema>;

export const courseSchema = z.strictObject({
  id: slugSchema,
  version: z.int(),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  audience: audienceSchema,
  minutes: z.int(),
  mastery: z.number(),
  digcomp: z.array(digcompCompetenceSchema),
  lessons: z.array(lessonSchema).min(1),
  quiz: quizSchema,
});
export type Course = z.infer<typeof courseSchema>;

export const contentPackSchema = z
  .strictObject({
    format: z.literal(CONTENT_PACK_FORMAT),
    id: slugSchema,
    version: z.int(),
    courses: z.array(courseSchema),
    walkthroughs: z.array(walkthroughSchema).default([]),
  })
  .refine((pack) => pack.courses.length + pack.walkthroughs.length > 0, 'an empty pack');
export type ContentPack = z.infer<typeof contentPackSchema>;

/**
 * What the catalogue keeps of a course before it is downloaded: enough to list it, search it,
 * show its lessons and say where to continue. A full `Course` fits this shape too.
 */
export const courseOutlineSchema = z.strictObject({
  id: slugSchema,
  version: z.int(),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  audience: audienceSchema,
  minutes: z.int(),
  lessons: z.array(
    z.strictObject({ id: slugSchema, title: localizedTextSchema, minutes: z.int() }),
  ),
  quiz: z.strictObject({
    id: slugSchema,
    title: localizedTextSchema,
    /** The questions' ids in their order, so a missed question can be named by its number. */
    questions: z.array(z.strictObject({ id: slugSchema })),
  }),
});
export type CourseOutline = z.infer<typeof courseOutlineSchema>;

/** What the catalogue keeps of a walkthrough before it is downloaded. */
export const walkthroughOutlineSchema = z.strictObject({
  id: slugSchema,
  version: z.int(),
  title: localizedTextSchema,
  summary: localizedTextSchema,
});
export type WalkthroughOutline = z.infer<typeof walkthroughOutlineSchema>;

/**
 * `content/manifest.json`, the catalogue: every pack this build ships, with its size, the
 * SHA-256 of its bytes (checked before a downloaded pack is used) and the outline of what it
 * holds. The catalogue is installed with the app; a pack is downloaded when someone opens it.
 */
export const contentManifestSchema = z.strictObject({
  format: z.literal(CONTENT_PACK_FORMAT),
  packs: z.array(
    z.strictObject({
      id: slugSchema,
      version: z.int(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      url: z.string(),
      bytes: z.int().positive(),
      /** The day its content was last checked against its sources (the oldest of its items). */
      lastChecked: checkedDateSchema,
      courses: z.array(courseOutlineSchema),
      walkthroughs: z.array(walkthroughOutlineSchema),
    }),
  ),
});
export type ContentManifest = z.infer<typeof contentManifestSchema>;
export type ContentManifestEntry = ContentManifest['packs'][number];

/** The outline of a course: what the catalogue keeps of it. */
export function outlineOfCourse(course: Course): CourseOutline {
  return {
    id: course.id,
    version: course.version,
    title: course.title,
    summary: course.summary,
    audience: course.audience,
    minutes: course.minutes,
    lessons: course.lessons.map(({ id, title, minutes }) => ({ id, title, minutes })),
    quiz: {
      id: course.quiz.id,
      title: course.quiz.title,
      questions: course.quiz.questions.map(({ id }) => ({ id })),
    },
  };
}
