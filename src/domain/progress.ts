import type { EventOf, LearningEvent } from '../protocol/events';

/** The events that change a course's progress. */
export type CourseEvent = EventOf<'lesson.completed' | 'quiz.answered' | 'quiz.completed'>;

const COURSE_EVENT_TYPES: readonly string[] = [
  'lesson.completed',
  'quiz.answered',
  'quiz.completed',
];

/** By type, not by a `courseId` in the payload: other events (certificates) name a course too. */
export function isCourseEvent(event: LearningEvent): event is CourseEvent {
  return COURSE_EVENT_TYPES.includes(event.type);
}

/** One answer in the current quiz attempt. `eventId` breaks ties so merging is order-free. */
export interface RecordedAnswer {
  chosen: string[];
  correct: boolean;
  eventId: string;
}

/**
 * What a person has done in one course, derived from their events only.
 * It can always be rebuilt by folding the events with `applyEvent`, in any order.
 */
export interface CourseProgress {
  profileId: string;
  courseId: string;
  /** Sorted, without repeats. */
  completedLessons: string[];
  quiz: {
    /** The newest attempt seen (UUIDv7 ids sort by time); its answers are kept. */
    attemptId: string | null;
    answers: Record<string, RecordedAnswer>;
    /** Questions ever answered wrong, sorted: the "difficult questions" of reports. */
    missedQuestions: string[];
    /** Attempts that reached the end, sorted. */
    completedAttempts: string[];
    bestScore: number;
    total: number;
    passed: boolean;
  };
  /** The latest `occurredAt` among the events folded in. */
  updatedAt: string;
  /**
   * The earliest `occurredAt` of a passed quiz: when the course was mastered. Absent before
   * that, and in rows derived before the field existed (their `updatedAt` stands in).
   */
  masteredAt?: string;
}

export function emptyProgress(profileId: string, courseId: string): CourseProgress {
  return {
    profileId,
    courseId,
    completedLessons: [],
    quiz: {
      attemptId: null,
      answers: {},
      missedQuestions: [],
      completedAttempts: [],
      bestScore: 0,
      total: 0,
      passed: false,
    },
    updatedAt: '',
  };
}

/** The earlier of two ISO times, the second when there is no first. */
export function earliest(known: string | undefined, candidate: string): string {
  return known !== undefined && known < candidate ? known : candidate;
}

function insertSorted(list: string[], value: string): string[] {
  return list.includes(value) ? list : [...list, value].sort();
}

/**
 * Folds one event into a course's progress. Pure, idempotent and commutative: the same events
 * in any order, any number of times, give the same progress on every device and on the server.
 * Progress only grows — lessons are never uncompleted and the best score never drops.
 */
export function applyEvent(progress: CourseProgress, event: CourseEvent): CourseProgress {
  const updatedAt = event.occurredAt > progress.updatedAt ? event.occurredAt : progress.updatedAt;
  switch (event.type) {
    case 'lesson.completed':
      return {
        ...progress,
        updatedAt,
        completedLessons: insertSorted(progress.completedLessons, event.payload.lessonId),
      };
    case 'quiz.answered': {
      const { attemptId, questionId, chosen, correct } = event.payload;
      const current = progress.quiz.attemptId;
      const missed = progress.quiz.missedQuestions ?? [];
      const missedQuestions = correct ? missed : insertSorted(missed, questionId);
      if (current !== null && attemptId < current) {
        return { ...progress, updatedAt, quiz: { ...progress.quiz, missedQuestions } };
      }
      const answers = attemptId === current ? progress.quiz.answers : {};
      const previous = answers[questionId];
      if (previous && previous.eventId >= event.id) {
        return {
          ...progress,
          updatedAt,
          quiz: { ...progress.quiz, attemptId, answers, missedQuestions },
        };
      }
      return {
        ...progress,
        updatedAt,
        quiz: {
          ...progress.quiz,
          attemptId,
          missedQuestions,
          answers: {
            ...answers,
            [questionId]: { chosen: [...chosen], correct, eventId: event.id },
          },
        },
      };
    }
    case 'quiz.completed': {
      const { attemptId, score, total, passed } = event.payload;
      const better = score > progress.quiz.bestScore;
      const masteredAt = passed ? earliest(progress.masteredAt, event.occurredAt) : undefined;
      return {
        ...progress,
        ...(masteredAt ? { masteredAt } : {}),
        updatedAt,
        quiz: {
          ...progress.quiz,
          completedAttempts: insertSorted(progress.quiz.completedAttempts, attemptId),
          bestScore: better ? score : progress.quiz.bestScore,
          total: Math.max(total, progress.quiz.total),
          passed: progress.quiz.passed || passed,
        },
      };
    }
  }
}
