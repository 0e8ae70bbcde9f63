import { z } from 'zod';
import { assignmentKind } from './assignments.ts';
import type { RecordKind } from './kind.ts';
import { learningEventKind } from './learningEvents.ts';
import { visitVersionKind } from './visitVersions.ts';
import { classSessionKind } from './classSessions.ts';
import { attendanceMarkKind } from './attendanceMarks.ts';
import { visitReviewKind } from './visitReviews.ts';

export * from './kind.ts';
export { eventRecord, learningEventKind } from './learningEvents.ts';
export { visitRecord, visitVersionId, visitVersionKind } from './visitVersions.ts';
export { classSessionKind, sessionRecord } from './classSessions.ts';
export { attendanceMarkKind, markRecord } from './attendanceMarks.ts';
export * from './assignments.ts';
export * from './visitReviews.ts';

/**
 * Every kind of record the sync path carries. A new kind is declared in its own file and added
 * here (and to `pulledRecordSchema` below); the engine and the push and pull routes need nothing
 * else.
 */
export const RECORD_KINDS = [
  learningEventKind,
  visitVersionKind,
  classSessionKind,
  attendanceMarkKind,
  assignmentKind,
  visitReviewKind,
] as const;

export type AnyRecordKind = (typeof RECORD_KINDS)[number];
export type RecordKindName = AnyRecordKind['kind'];
export const RECORD_KIND_NAMES = RECORD_KINDS.map((k) => k.kind) as [
  RecordKindName,
  ...RecordKindName[],
];

/** The declaration of a kind by its name, or undefined for a kind this version does not know. */
export function recordKindNamed(name: string): AnyRecordKind | undefined {
  return RECORD_KINDS.find((k) => k.kind === name);
}

/** A record as a pull returns it: its kind, its id and its stored shape. */
function pulledOf<K extends string, S extends z.ZodType>(kind: RecordKind<K, z.ZodType, S>) {
  return z.object({ kind: z.literal(kind.kind), id: z.string(), data: kind.stored });
}

export const pulledRecordSchema = z.discriminatedUnion('kind', [
  pulledOf(learningEventKind),
  pulledOf(visitVersionKind),
  pulledOf(classSessionKind),
  pulledOf(attendanceMarkKind),
  pulledOf(assignmentKind),
  pulledOf(visitReviewKind),
]);
export type PulledRecord = z.infer<typeof pulledRecordSchema>;
