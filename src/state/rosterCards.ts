import { create } from 'zustand';
import type { ImportedLearner, ImportedStaff } from '../protocol';

/** A class's learner or an agency's staff member, just imported. */
export type CardPerson = ImportedLearner | ImportedStaff;

/**
 * The people a teacher or agency admin just imported, with their initial passwords, for the sign-in cards.
 * Held in memory only, never written anywhere: the passwords are gone once the app closes,
 * and the server keeps only their hashes.
 */
interface RosterCardsState {
  organisationId: string | null;
  learners: CardPerson[];
}

export const useRosterCards = create<RosterCardsState>(() => ({
  organisationId: null,
  learners: [],
}));

export const showRosterCards = (organisationId: string, learners: CardPerson[]) =>
  useRosterCards.setState({ organisationId, learners });
