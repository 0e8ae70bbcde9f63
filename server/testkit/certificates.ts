import type { Course, LearningEvent } from '../../src/protocol';
import { newEventId } from '../../src/lib/ids';
import { testEvent } from '../../src/test/events';
import { courseCatalog } from '../certificates/catalog';

/** The course the certificate tests earn. */
export function testCourse(): Course {
  return courseCatalog().get('cashless-payments')!;
}

/** Answers needed to master the test course. */
export function neededRight(course = testCourse()): number {
  return Math.ceil(course.mastery * course.quiz.questions.length);
}

/**
 * One attempt at the course quiz: the first `right` questions answered right, the rest wrong;
 * `claim` is the `correct` flag sent with every answer (the server must ignore it).
 */
export function quizAttempt(
  deviceId: string,
  profileId: string,
  right: number,
  claim: boolean,
  course = testCourse(),
): LearningEvent[] {
  const attemptId = newEventId();
  return course.quiz.questions.map((q, i) => {
    const wrongOption = q.options.find((o) => !q.answer.includes(o.id))?.id;
    const wrong = q.kind === 'order' || !wrongOption ? [...q.answer].reverse() : [wrongOption];
    return testEvent(deviceId, profileId, {
      type: 'quiz.answered',
      payload: {
        courseId: course.id,
        attemptId,
        questionId: q.id,
        chosen: i < right ? q.answer : wrong,
        correct: claim,
      },
    });
  });
}

export function certificateRequest(
  deviceId: string,
  profileId: string,
  holderName: string,
  courseId = testCourse().id,
): LearningEvent {
  return testEvent(deviceId, profileId, {
    type: 'certificate.requested',
    payload: { courseId, holderName },
  });
}
