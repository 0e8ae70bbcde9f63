import { useParams } from 'react-router';
import { useTranslation } from '../../i18n';
import type { Organisation } from '../../protocol';
import { createOrgApi } from '../../sync/orgApi';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { OfflineAttendance } from './classroom/attendance/OfflineAttendance';
import { assignmentsPath } from './assignmentPaths';
import { ClassTools } from './classroom/ClassTools';
import { JoinCodePanel } from './JoinCodePanel';
import { KINDS } from './kinds';
import { Roster } from './Roster';
import { useServerRead } from './useServerRead';

/**
 * One screen for every kind of organisation: its manager sees the roster (each member's role,
 * and what the kind knows of them), changes roles and makes join codes; a member sees where
 * they are.
 */
export function OrgScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const { state } = useServerRead(
    (token) => createOrgApi(window.location.origin).organisation(token, organisationId),
    [organisationId],
  );
  if (state.phase === 'loading') return <LoadingScreen />;
  if (state.phase !== 'ready') {
    return (
      <main className="screen">
        <h1>{t('orgs.roster.title')}</h1>
        <Notice tone="warning">
          {state.phase === 'refused' ? t('orgs.roster.notAllowed') : t('orgs.roster.needsOnline')}
        </Notice>
        <OfflineAttendance classId={organisationId} />
      </main>
    );
  }
  return <OrgView org={state.data} />;
}

function OrgView({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const view = KINDS[org.kind];
  return (
    <main className="screen org-screen">
      <p className="kicker">{t(`orgs.kinds.${org.kind}`)}</p>
      <h1>{org.name}</h1>
      {org.kind === 'team' && (
        <ButtonLink
          to={`/team/${encodeURIComponent(org.id)}`}
          variant="secondary"
          className="button-wide"
        >
          {t('orgs.roster.toLog')}
        </ButtonLink>
      )}
      {org.manager ? (
        <>
          {org.kind !== 'team' && (
            <ButtonLink to={assignmentsPath(org.id)} className="button-wide">
              {t('orgs.assign.open')}
            </ButtonLink>
          )}
          {org.kind === 'class' && <ClassTools org={org} />}
          {view.Tools && <view.Tools org={org} />}
          <Roster org={org} view={view} />
          <JoinCodePanel org={org} view={view} />
        </>
      ) : (
        <p>{t('orgs.roster.memberOf', { name: org.name })}</p>
      )}
    </main>
  );
}
