import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { firstProblem, sampleValues } from '../../src/domain/practiceCheck.ts';
import { unsafePracticeField } from '../../src/domain/practiceData.ts';
import { parseTextBlocks } from '../../src/domain/textBlocks.ts';
import {
  CONTENT_PACK_FORMAT,
  contentPackSchema,
  courseSourceSchema,
  lessonSourceSchema,
  quizSourceSchema,
  type ContentPack,
  type Course,
  type CourseSource,
  type Lesson,
  type LocalizedText,
  type Walkthrough,
  type WalkthroughSource,
  walkthroughSourceSchema,
} from '../../src/protocol/index.ts';

/** A content file that cannot be compiled; the message names the file and the field. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** A recording copied into the build beside the packs, named by its hash. */
export interface AudioAsset {
  fileName: string;
  source: Buffer;
}

export interface CompiledPack {
  pack: ContentPack;
  json: string;
  hash: string;
  audio: AudioAsset[];
  /** When its content was last checked against its sources; the catalogue shows it. */
  lastChecked: string;
}

function readYaml(file: string, root: string): unknown {
  const where = relative(root, file);
  if (!existsSync(file)) throw new ContentError(`${where}: file is missing`);
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(`${where}: not valid YAML: ${(error as Error).message}`);
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `${where}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`,
  );
  throw new ContentError(lines.join('\n'));
}

const UNSAFE_SVG = /<script|<foreignObject|\bon[a-z]+\s*=|(?:href|src)\s*=\s*["'](?!#)/i;

function inlineSvg(file: string, root: string): string {
  const where = relative(root, file);
  if (!existsSync(file)) throw new ContentError(`${where}: image file is missing`);
  const svg = readFileSync(file, 'utf8').trim();
  if (!svg.includes('<svg') || UNSAFE_SVG.test(svg)) {
    throw new ContentError(
      `${where}: not a plain SVG (scripts, handlers and links are not allowed)`,
    );
  }
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Copies a recording into the build and returns its URL there. */
function addAudio(file: string, root: string, courseId: string, audio: AudioAsset[]): string {
  const where = relative(root, file);
  if (!existsSync(file)) throw new ContentError(`${where}: audio file is missing`);
  const source = readFileSync(file);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const name = basename(file).replace(/\.(\w+)$/, `.${hash}.$1`);
  const fileName = `content/audio/${courseId}/${name}`;
  if (!audio.some((asset) => asset.fileName === fileName)) audio.push({ fileName, source });
  return `/${fileName}`;
}

function blocks(text: LocalizedText) {
  return { vi: parseTextBlocks(text.vi), en: parseTextBlocks(text.en) };
}

function compileLesson(
  courseDir: string,
  lessonId: string,
  root: string,
  audio: AudioAsset[],
): Lesson {
  const courseId = basename(courseDir);
  const file = join(courseDir, 'lessons', `${lessonId}.yaml`);
  const where = relative(root, file);
  const source = validate(lessonSourceSchema, readYaml(file, root), where);
  if (source.id !== lessonId) {
    throw new ContentError(`${where}: id: is "${source.id}" but course.yaml lists "${lessonId}"`);
  }
  const stepIds = source.steps.map((step) => step.id);
  const repeated = stepIds.find((id, i) => stepIds.indexOf(id) !== i);
  if (repeated) throw new ContentError(`${where}: steps: id "${repeated}" is used twice`);
  return {
    id: source.id,
    title: source.title,
    minutes: source.minutes,
    steps: source.steps.map((step) => ({
      id: step.id,
      title: step.title,
      body: blocks(step.body),
      ...(step.image && step.imageAlt
        ? { image: { src: inlineSvg(join(courseDir, step.image), root), alt: step.imageAlt } }
        : {}),
      ...(step.audio
        ? {
            audio: {
              vi: addAudio(join(courseDir, step.audio.vi), root, courseId, audio),
              ...(step.audio.en
                ? { en: addAudio(join(courseDir, step.audio.en), root, courseId, audio) }
                : {}),
            },
          }
        : {}),
    })),
  };
}

function compileCourse(
  courseDir: string,
  root: string,
  audio: AudioAsset[],
): { course: Course; lastChecked: string } {
  const file = join(courseDir, 'course.yaml');
  const source = validate(courseSourceSchema, readYaml(file, root), relative(root, file));
  const quizFile = join(courseDir, `${source.quiz}.yaml`);
  const quiz = validate(quizSourceSchema, readYaml(quizFile, root), relative(root, quizFile));
  const questionIds = quiz.questions.map((q) => q.id);
  const repeated = questionIds.find((id, i) => questionIds.indexOf(id) !== i);
  if (repeated) {
    throw new ContentError(
      `${relative(root, quizFile)}: questions: id "${repeated}" is used twice`,
    );
  }
  const course: Course = {
    id: source.id,
    version: source.version,
    title: source.title,
    summary: source.summary,
    audience: source.audience,
    minutes: source.minutes,
    mastery: source.mastery,
    digcomp: source.digcomp,
    lessons: source.lessons.map((lessonId) => compileLesson(courseDir, lessonId, root, audio)),
    quiz: {
      ...quiz,
      questions: quiz.questions.map((question) => ({
        ...question,
        options: question.options.map((option) =>
          option.image
            ? { ...option, image: inlineSvg(join(courseDir, option.image), root) }
            : option,
        ),
      })),
    },
  };
  return { course, lastChecked: source.lastChecked };
}

function firstRepeat(ids: string[]): string | undefined {
  return ids.find((id, i) => ids.indexOf(id) !== i);
}

/** A walkthrough file: its schema, unique ids, and practice screens that ask for fake data only. */
function compileWalkthrough(
  file: string,
  root: string,
): { walkthrough: Walkthrough; lastChecked: string } {
  const where = relative(root, file);
  const { lastChecked, ...walkthrough } = validate(
    walkthroughSourceSchema,
    readYaml(file, root),
    where,
  );
  const expectedId = basename(file, '.yaml');
  if (walkthrough.id !== expectedId) {
    throw new ContentError(`${where}: id: is "${walkthrough.id}" but the file is "${expectedId}"`);
  }
  const repeatedStep = firstRepeat(walkthrough.steps.map((s) => s.id));
  if (repeatedStep) throw new ContentError(`${where}: steps: id "${repeatedStep}" is used twice`);
  const repeatedItem = firstRepeat(walkthrough.checklist.map((c) => c.id));
  if (repeatedItem)
    throw new ContentError(`${where}: checklist: id "${repeatedItem}" is used twice`);
  for (const [i, step] of walkthrough.steps.entries()) {
    const repeatedField = firstRepeat(step.screen.fields.map((f) => f.id));
    if (repeatedField) {
      throw new ContentError(
        `${where}: steps.${i}.screen.fields: id "${repeatedField}" is used twice`,
      );
    }
    for (const [j, field] of step.screen.fields.entries()) {
      const unsafe = unsafePracticeField(field);
      if (unsafe) throw new ContentError(`${where}: steps.${i}.screen.fields.${j}: ${unsafe}`);
    }
    // "Show me" fills in the samples: they must pass the screen's own checks.
    const failing = firstProblem(step.screen, sampleValues(step.screen));
    if (failing) {
      throw new ContentError(
        `${where}: steps.${i}.screen.fields: "${failing.id}" has no sample that passes its check`,
      );
    }
  }
  return { walkthrough, lastChecked };
}

function packOf(
  id: string,
  version: number,
  content: Pick<ContentPack, 'courses' | 'walkthroughs'>,
) {
  const pack = contentPackSchema.parse({ format: CONTENT_PACK_FORMAT, id, version, ...content });
  const json = JSON.stringify(pack);
  return { pack, json, hash: createHash('sha256').update(json).digest('hex') };
}

/** One pack per walkthrough file in `<contentDir>/walkthroughs`. */
function compileWalkthroughs(contentDir: string, root: string): CompiledPack[] {
  const dir = join(contentDir, 'walkthroughs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const { walkthrough, lastChecked } = compileWalkthrough(join(dir, name), root);
      return {
        lastChecked,
        ...packOf(`walkthrough-${walkthrough.id}`, walkthrough.version, {
          courses: [],
          walkthroughs: [walkthrough],
        }),
        audio: [],
      };
    });
}

/** The authored course and walkthrough files, validated: what the packs leave out (checks, frameworks). */
export function readContentSources(contentDir: string): {
  courses: CourseSource[];
  walkthroughs: WalkthroughSource[];
} {
  const root = join(contentDir, '..');
  const yamlIn = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.yaml'))
          .sort()
          .map((name) => join(dir, name))
      : [];
  const coursesDir = join(contentDir, 'courses');
  const courseFiles = existsSync(coursesDir)
    ? readdirSync(coursesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(coursesDir, entry.name, 'course.yaml'))
        .sort()
    : [];
  return {
    courses: courseFiles.map((file) =>
      validate(courseSourceSchema, readYaml(file, root), relative(root, file)),
    ),
    walkthroughs: yamlIn(join(contentDir, 'walkthroughs')).map((file) =>
      validate(walkthroughSourceSchema, readYaml(file, root), relative(root, file)),
    ),
  };
}

/**
 * Compiles every course under `<contentDir>/courses` into one content pack per course,
 * validated against the protocol's schemas. Throws a ContentError naming file and field.
 */
export function compileContent(contentDir: string): CompiledPack[] {
  const root = join(contentDir, '..');
  const coursesDir = join(contentDir, 'courses');
  const folders = existsSync(coursesDir)
    ? readdirSync(coursesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    : [];
  if (folders.length === 0)
    throw new ContentError(`${relative(root, coursesDir)}: no course found`);
  return folders
    .map((folder) => folder.name)
    .sort()
    .map((name) => {
      const audio: AudioAsset[] = [];
      const { course, lastChecked } = compileCourse(join(coursesDir, name), root, audio);
      if (course.id !== name) {
        throw new ContentError(
          `${relative(root, join(coursesDir, name, 'course.yaml'))}: id: is "${course.id}" but the folder is "${name}"`,
        );
      }
      return {
        ...packOf(course.id, course.version, { courses: [course], walkthroughs: [] }),
        audio,
        lastChecked,
      };
    })
    .concat(compileWalkthroughs(contentDir, root));
}
