import { create } from 'zustand';
import type { ImportedLearner } from '../protocol';

/**
 * The learners a teacher just imported, with their initial passwords, for the sign-in cards.
 * Held in memory only, never written anywhere: the passwords are gone once the app closes,
 * and the server keeps only their hashes.
 */
interface RosterCardsState {
  organisationId: string | null;
  learners: ImportedLearner[];
}

export const useRosterCards = create<RosterCardsState>(() => ({
  organisationId: null,
  learners: [],
}));

export const showRosterCards = (organisationId: string, learners: ImportedLearner[]) =>
  useRosterCards.setState({ organisationId, learners });
