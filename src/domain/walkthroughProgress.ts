import type { EventOf, LearningEvent } from '../protocol/events';
import { earliest } from './progress';

export type WalkthroughEvent = EventOf<'walkthrough.practised' | 'walkthrough.doneForReal'>;

export function isWalkthroughEvent(event: LearningEvent): event is WalkthroughEvent {
  return 'walkthroughId' in event.payload;
}

/** What a person has done with one walkthrough, derived from their events only. */
export interface WalkthroughProgress {
  profileId: string;
  walkthroughId: string;
  /** Ids of the practice runs completed, sorted: their count is how often they practised. */
  practiceRuns: string[];
  /** The fewest mistakes in a completed practice run, or null before the first. */
  fewestMistakes: number | null;
  doneForReal: boolean;
  /** Done for real with a volunteer beside them (at least once). */
  assisted: boolean;
  updatedAt: string;
  /**
   * The earliest `occurredAt` of a practice run through every step or of the real service.
   * Absent before that, and in rows derived before the field existed.
   */
  doneAt?: string;
}

export function emptyWalkthroughProgress(
  profileId: string,
  walkthroughId: string,
): WalkthroughProgress {
  return {
    profileId,
    walkthroughId,
    practiceRuns: [],
    fewestMistakes: null,
    doneForReal: false,
    assisted: false,
    updatedAt: '',
  };
}

/** Folds one event in: idempotent and commutative, like course progress. */
export function applyWalkthroughEvent(
  progress: WalkthroughProgress,
  event: WalkthroughEvent,
): WalkthroughProgress {
  const updatedAt = event.occurredAt > progress.updatedAt ? event.occurredAt : progress.updatedAt;
  const doneAt = earliest(progress.doneAt, event.occurredAt);
  if (event.type === 'walkthrough.doneForReal') {
    return {
      ...progress,
      updatedAt,
      doneAt,
      doneForReal: true,
      assisted: progress.assisted || event.payload.assisted,
    };
  }
  const runs = progress.practiceRuns.includes(event.id)
    ? progress.practiceRuns
    : [...progress.practiceRuns, event.id].sort();
  const mistakes = event.payload.mistakes;
  return {
    ...progress,
    updatedAt,
    doneAt,
    practiceRuns: runs,
    fewestMistakes:
      progress.fewestMistakes === null ? mistakes : Math.min(progress.fewestMistakes, mistakes),
  };
}
