import { useParams } from 'react-router';
import { useAssignmentRows, useOrgMemberships } from '../../../data/assignmentHooks';
import { useClassRoster } from '../../../data/attendanceHooks';
import { useCredentials } from '../../../data/hooks';
import { useTranslation } from '../../../i18n';
import { useSession } from '../../../state/session';
import { createOrgApi } from '../../../sync/orgApi';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { rosterPath } from '../kinds';
import { useServerRead } from '../useServerRead';
import { ProgrammeForm } from './ProgrammeForm';
import { AssignForm } from './AssignForm';
import { AssignmentList } from './AssignmentList';
import { useAssignableItems } from '../assignableItems';
import { ProgressSection } from './ProgressSection';
import { mayAssign } from '../assignmentPaths';

/**
 * A class's teacher (or an agency's admin) gives courses and walkthroughs, and takes them back.
 * Everything it needs is on the phone, so it works offline; the learners to pick one from come
 * from the server when online.
 */
export function AssignScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  const accountId = credentials?.accountId ?? '';
  const memberships = useOrgMemberships(accountId);
  const rows = useAssignmentRows(accountId, organisationId);
  const items = useAssignableItems();
  // A class's learners as its teacher last saw them online (kept for attendance): offline, one
  // learner can still be picked.
  const cached = useClassRoster(organisationId);
  const { state: members } = useServerRead(
    (token) => createOrgApi(window.location.origin).members(token, organisationId),
    [organisationId],
  );
  if (credentials === undefined || memberships === undefined || !rows || !items) {
    return <LoadingScreen />;
  }
  const org = memberships?.organisations.find((o) => o.organisationId === organisationId);
  if (!credentials || !org || !mayAssign(org.kind, org.role)) {
    return (
      <main className="screen">
        <h1>{t('orgs.assign.title')}</h1>
        <Notice tone="warning">
          {memberships ? t('orgs.roster.notAllowed') : t('orgs.roster.needsOnline')}
        </Notice>
      </main>
    );
  }
  const learners =
    members.phase === 'ready'
      ? members.data.filter((m) => m.role === 'learner')
      : (cached?.learners ?? []).map((l) => ({ ...l, role: 'learner' as const }));
  const maker = { accountId, displayName: credentials.displayName };
  return (
    <main className="screen">
      <p className="kicker">{org.name}</p>
      <h1>{t('orgs.assign.title')}</h1>
      {members.phase === 'offline' && (
        <Notice tone="info">
          {t(learners.length > 0 ? 'orgs.assign.offlineKnown' : 'orgs.assign.offline')}
        </Notice>
      )}
      {org.kind === 'agency' && (
        <ProgrammeForm maker={maker} organisationId={organisationId} staff={learners} />
      )}
      <AssignForm maker={maker} organisationId={organisationId} items={items} learners={learners} />
      <AssignmentList maker={maker} rows={rows} items={items} learners={learners} />
      <ProgressSection organisationId={organisationId} items={items} />
      <ButtonLink to={rosterPath(organisationId)} variant="secondary" className="button-wide">
        {t('orgs.assign.back')}
      </ButtonLink>
    </main>
  );
}
