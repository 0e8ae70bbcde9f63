import { newEventId, newRandomId } from '../lib/ids';
import type { LearningEvent } from '../protocol';

/** A valid event of any type, written now by this device for this profile, for tests. */
export function testEvent(
  deviceId: string,
  profileId: string,
  rest: Pick<LearningEvent, 'type' | 'payload'>,
): LearningEvent {
  return {
    id: newEventId(),
    deviceId,
    profileId,
    occurredAt: new Date().toISOString(),
    ...rest,
  } as LearningEvent;
}

/** A valid `lesson.completed` event, for tests. */
export function lessonEvent(
  deviceId: string,
  profileId: string,
  lessonId = 'phone-parts',
  courseId = 'smartphone-basics',
): LearningEvent {
  return testEvent(deviceId, profileId, {
    type: 'lesson.completed',
    payload: { courseId, lessonId },
  });
}

/** `count` valid events of one device, mixing the event types. */
export function eventBatch(deviceId: string, count: number, profileId = newRandomId()) {
  const attemptId = newEventId();
  return Array.from({ length: count }, (_, i): LearningEvent => {
    const base = {
      id: newEventId(),
      deviceId,
      profileId,
      occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
    };
    if (i % 3 === 0) {
      return {
        ...base,
        type: 'lesson.completed',
        payload: { courseId: 'c-1', lessonId: `l-${i}` },
      };
    }
    if (i % 3 === 1) {
      return {
        ...base,
        type: 'quiz.answered',
        payload: { courseId: 'c-1', attemptId, questionId: `q-${i}`, chosen: ['a'], correct: true },
      };
    }
    return {
      ...base,
      type: 'quiz.completed',
      payload: { courseId: 'c-1', attemptId, score: 5, total: 8, passed: false },
    };
  });
}
