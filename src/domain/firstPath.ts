import type { CourseOutline as Course } from '../protocol/content';
import { courseToContinue, nextActivity, type ResumePoint } from './course';
import type { CourseProgress } from './progress';

/**
 * A first path for someone new to phones: what they want to do, a five-question check, the
 * course to start with, and the order courses are shown in. Pure rules, no storage.
 */

/** The big things a person may want to do first; `unknown` is "Tôi chưa biết". */
export const GOALS = ['family', 'papers', 'money', 'health', 'unknown'] as const;
export type Goal = (typeof GOALS)[number];

/**
 * Courses in the order a beginner should meet them: the phone itself and staying safe first,
 * then talking to family, then what uses money and papers. Courses not listed come after,
 * by id, so a new course is never hidden.
 */
export const BEGINNER_ORDER = [
  'smartphone-basics',
  'staying-safe',
  'communicating-online',
  'personal-data',
  'cashless-payments',
  'vneid-identity',
  'public-services-online',
  'digital-health',
  'finding-information',
  'ai-assistants',
] as const;

/** The course that serves each goal. */
export const GOAL_COURSE: Record<Exclude<Goal, 'unknown'>, string> = {
  family: 'communicating-online',
  papers: 'vneid-identity',
  money: 'cashless-payments',
  health: 'digital-health',
};

export interface CheckQuestion {
  id: string;
  /** Option ids, in the order shown. */
  options: readonly string[];
  /** The option that shows the person already has this skill. */
  right: string;
  /** The course that teaches the skill. */
  course: string;
}

/**
 * Five questions, one skill each: four ask whether the person can already do something, one
 * (the scam call) asks what they would do. Texts and pictures live in the `welcome` locale area
 * and features/welcome under the same ids.
 */
export const CHECK_QUESTIONS = [
  { id: 'call', options: ['can', 'not-yet'], right: 'can', course: 'smartphone-basics' },
  { id: 'message', options: ['can', 'not-yet'], right: 'can', course: 'communicating-online' },
  { id: 'otp', options: ['read', 'hang-up'], right: 'hang-up', course: 'staying-safe' },
  { id: 'qr', options: ['can', 'not-yet'], right: 'can', course: 'cashless-payments' },
  { id: 'vneid', options: ['can', 'not-yet'], right: 'can', course: 'vneid-identity' },
] as const satisfies readonly CheckQuestion[];

export type CheckQuestionId = (typeof CHECK_QUESTIONS)[number]['id'];
export type CheckOption = (typeof CHECK_QUESTIONS)[number]['options'][number];

/** The chosen option of each question answered, by question id. */
export type CheckAnswers = Readonly<Record<string, string>>;

/** How many of the five skills the person already has. */
export function checkScore(answers: CheckAnswers): number {
  return CHECK_QUESTIONS.filter((q) => answers[q.id] === q.right).length;
}

/** Course ids sorted for a beginner: BEGINNER_ORDER first, then the rest by id. */
export function beginnerOrder(courseIds: readonly string[]): string[] {
  const rank = (id: string) => {
    const at = (BEGINNER_ORDER as readonly string[]).indexOf(id);
    return at === -1 ? BEGINNER_ORDER.length : at;
  };
  return [...courseIds].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Sorts courses (or anything with an id) for a beginner; see `beginnerOrder`. */
export function sortForBeginner<C extends { id: string }>(courses: readonly C[]): C[] {
  const byId = new Map(courses.map((course) => [course.id, course]));
  return beginnerOrder([...byId.keys()]).map((id) => byId.get(id)!);
}

/**
 * Where to start, among the courses on the phone:
 * 1. phone basics, then staying safe, when the check shows they are missing — everything
 *    else needs them;
 * 2. the course for what the person wants to do;
 * 3. the first missing skill, in beginner order;
 * 4. the first course the check did not show they already have;
 * 5. the first course.
 * Undefined only when no course is installed.
 */
export function suggestCourse(
  answers: CheckAnswers,
  goal: Goal,
  available: readonly string[],
): string | undefined {
  const order = beginnerOrder(available);
  const has = (id: string | undefined): id is string => id !== undefined && order.includes(id);
  const missing = new Set<string>(
    CHECK_QUESTIONS.filter((q) => answers[q.id] !== q.right).map((q) => q.course),
  );
  const known = new Set<string>(
    CHECK_QUESTIONS.filter((q) => answers[q.id] === q.right).map((q) => q.course),
  );
  for (const first of ['smartphone-basics', 'staying-safe']) {
    if (missing.has(first) && has(first)) return first;
  }
  const wanted = goal === 'unknown' ? undefined : GOAL_COURSE[goal];
  if (has(wanted)) return wanted;
  return order.find((id) => missing.has(id)) ?? order.find((id) => !known.has(id)) ?? order[0];
}

/** What a profile answered on its first path, stored with the profile. */
export interface FirstPathAnswer {
  goal: Goal;
  answers: CheckAnswers;
  /** The course suggested when the check was taken. */
  suggested: string;
  /** When the check was finished (ISO time). */
  at: string;
}

/**
 * Reads a stored answer; anything damaged or from an older shape reads as "not taken", so the
 * home screen offers the check again instead of failing. (No zod: this runs on the first screen.)
 */
export function readFirstPath(raw: unknown): FirstPathAnswer | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { goal, answers, suggested, at } = raw as Record<string, unknown>;
  if (!(GOALS as readonly unknown[]).includes(goal)) return null;
  if (typeof suggested !== 'string' || suggested === '' || typeof at !== 'string') return null;
  if (typeof answers !== 'object' || answers === null) return null;
  const kept: Record<string, string> = {};
  for (const question of CHECK_QUESTIONS) {
    const chosen = (answers as Record<string, unknown>)[question.id];
    if ((question.options as readonly unknown[]).includes(chosen))
      kept[question.id] = chosen as string;
  }
  return { goal: goal as Goal, answers: kept, suggested, at };
}

/** The one step home always shows: go on where you were, the suggested start, or what is next. */
export interface NextStep<C extends Course> {
  kind: 'continue' | 'suggested' | 'next';
  course: C;
}

/**
 * The course the home screen puts first: the one in progress (touched last), otherwise the
 * suggested one if not mastered, otherwise the first not mastered in beginner order.
 * Undefined when every course is mastered.
 */
export function nextStep<C extends Course>(
  courses: readonly C[],
  progress: Map<string, CourseProgress>,
  resumes: Map<string, ResumePoint & { at: string }>,
  suggested: string | undefined,
): NextStep<C> | undefined {
  const inProgress = courseToContinue([...courses], progress, resumes);
  if (inProgress) return { kind: 'continue', course: inProgress };
  const open = sortForBeginner(courses).filter(
    (course) => nextActivity(course, progress.get(course.id)).kind !== 'mastered',
  );
  const picked = open.find((course) => course.id === suggested);
  if (picked) return { kind: 'suggested', course: picked };
  // Courses for officials at work are theirs to be assigned, never a citizen's next step.
  const next = open.find((course) => course.audience !== 'officials');
  return next && { kind: 'next', course: next };
}
