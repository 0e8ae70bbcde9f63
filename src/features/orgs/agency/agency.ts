import { loadLearnerRoster } from '../learnerRoster';
import { AgencyTools } from './AgencyTools';
import type { OrgKindView } from '../roster';

/** An agency: its admins enrol staff in training and may make other admins. */
export const agency: OrgKindView = {
  manager: 'agency_admin',
  grantable: ['learner', 'agency_admin'],
  supervises: false,
  loadRoster: loadLearnerRoster,
  Tools: AgencyTools,
};
