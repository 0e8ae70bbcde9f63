import { z } from 'zod';
import { exactTextSchema } from './text.ts';

/**
 * Everything a person does is an immutable event. These shapes are a contract:
 * DO NOT CHANGE THEM WITHOUT A MIGRATION — add a new type instead of changing an old one.
 */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id');

/**
 * A name as printed on a certificate: 1-80 characters under the one text rule (see `text.ts`).
 * It sits in an immutable event, so it must arrive clean (trimmed, NFC) rather than be changed.
 */
export const holderNameSchema = exactTextSchema({ max: 80, name: true });

const envelope = {
  id: z.uuid({ version: 'v7' }),
  deviceId: z.uuid(),
  profileId: z.uuid(),
  // A phone with a wrong clock still counts (its events are ordered by the server), but the
  // year 0000 exists nowhere, PostgreSQL included.
  occurredAt: z.iso
    .datetime({ offset: true })
    .refine((s) => !s.startsWith('0000'), 'the year 0000 does not exist'),
};

const payloads = {
  'lesson.completed': z.strictObject({ courseId: slugSchema, lessonId: slugSchema }),
  'quiz.answered': z.strictObject({
    courseId: slugSchema,
    /** One attempt at the quiz; a later attempt (UUIDv7, so it sorts by time) replaces the answers. */
    attemptId: z.uuid({ version: 'v7' }),
    questionId: slugSchema,
    chosen: z.array(slugSchema).min(1).max(20),
    correct: z.boolean(),
  }),
  'quiz.completed': z
    .strictObject({
      courseId: slugSchema,
      attemptId: z.uuid({ version: 'v7' }),
      score: z.int().min(0),
      total: z.int().min(1).max(500),
      passed: z.boolean(),
    })
    .refine((p) => p.score <= p.total, { message: 'score must not exceed total', path: ['score'] }),
  /** A practice run of a walkthrough went through every step. */
  'walkthrough.practised': z.strictObject({
    walkthroughId: slugSchema,
    /** Times a check failed and its hint was shown. */
    mistakes: z.int().min(0).max(1000),
    /** Steps where the person asked to be shown what to do. */
    revealed: z.int().min(0).max(1000),
  }),
  /** The person did the real service (perhaps with a volunteer beside them). */
  'walkthrough.doneForReal': z.strictObject({
    walkthroughId: slugSchema,
    assisted: z.boolean(),
  }),
  /** The person asks for a certificate of a course they mastered; the server checks and signs. */
  'certificate.requested': z.strictObject({ courseId: slugSchema, holderName: holderNameSchema }),
};

export type EventType = keyof typeof payloads;
export const EVENT_TYPES = Object.keys(payloads) as EventType[];

function variant<T extends EventType>(type: T) {
  return z.strictObject({ ...envelope, type: z.literal(type), payload: payloads[type] });
}

const lessonCompleted = variant('lesson.completed');
const quizAnswered = variant('quiz.answered');
const quizCompleted = variant('quiz.completed');
const walkthroughPractised = variant('walkthrough.practised');
const walkthroughDone = variant('walkthrough.doneForReal');
const certificateRequested = variant('certificate.requested');

/** An event as the device writes it and pushes it. */
export const learningEventSchema = z.discriminatedUnion('type', [
  lessonCompleted,
  quizAnswered,
  quizCompleted,
  walkthroughPractised,
  walkthroughDone,
  certificateRequested,
]);
export type LearningEvent = z.infer<typeof learningEventSchema>;
export type EventOf<T extends EventType> = Extract<LearningEvent, { type: T }>;
export type EventPayload<T extends EventType> = EventOf<T>['payload'];

/** An event as the server stores it and returns it on pull: `serverSeq` is the only cursor. */
const serverSeq = { serverSeq: z.int().positive() };
export const storedEventSchema = z.discriminatedUnion('type', [
  lessonCompleted.extend(serverSeq),
  quizAnswered.extend(serverSeq),
  quizCompleted.extend(serverSeq),
  walkthroughPractised.extend(serverSeq),
  walkthroughDone.extend(serverSeq),
  certificateRequested.extend(serverSeq),
]);
export type StoredEvent = z.infer<typeof storedEventSchema>;
