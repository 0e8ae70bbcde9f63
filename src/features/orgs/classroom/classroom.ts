import { loadLearnerRoster } from '../learnerRoster';
import type { OrgKindView } from '../roster';

/** A class: its teacher enrols learners and follows their lessons and quizzes. */
export const classroom: OrgKindView = {
  manager: 'teacher',
  grantable: ['learner'],
  supervises: true,
  loadRoster: loadLearnerRoster,
};
