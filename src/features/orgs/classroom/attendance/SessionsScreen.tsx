import { Link, useLocation, useParams } from 'react-router';
import {
  useClassMarks,
  useClassRoster,
  useClassSessions,
  useAttendanceInState,
} from '../../../../data/attendanceHooks';
import { sessionAttendance } from '../../../../domain/attendance';
import { useTranslation } from '../../../../i18n';
import { useSession } from '../../../../state/session';
import { ButtonLink } from '../../../../ui/ButtonLink';
import { Notice } from '../../../../ui/Notice';
import { LoadingScreen } from '../../../../ui/ScreenMessage';
import { formatDate } from '../../format';
import { rosterPath } from '../../kinds';
import { newSessionPath, sessionPath, sheetPath } from './paths';
import './attendance.css';

/** The class's sessions kept on this phone, newest first; each opens to edit its attendance. */
export function SessionsScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const profileId = useSession((s) => s.profileId);
  const roster = useClassRoster(organisationId);
  const sessions = useClassSessions(organisationId);
  const marks = useClassMarks(organisationId);
  const waiting = useAttendanceInState(profileId, 'waiting');
  const refused = useAttendanceInState(profileId, 'refused');
  if (roster === undefined || sessions === undefined || marks === undefined) {
    return <LoadingScreen />;
  }
  const notice = (location.state as { notice?: 'saved' | 'deleted' } | null)?.notice;
  const learnerIds = roster?.learners.map((l) => l.accountId) ?? [];
  return (
    <main className="screen attendance-screen">
      <p className="kicker">{roster?.className}</p>
      <h1>{t('attendance.sessions')}</h1>
      {notice && <Notice tone="success">{t(`attendance.${notice}`)}</Notice>}
      {waiting ? <p className="muted">{t('attendance.waiting', { count: waiting })}</p> : null}
      {refused ? (
        <Notice tone="warning">{t('attendance.refused', { count: refused })}</Notice>
      ) : null}
      {!roster && <Notice tone="warning">{t('attendance.noRoster')}</Notice>}
      {roster && (
        <ButtonLink to={newSessionPath(organisationId)} className="button-wide">
          {t('attendance.open')}
        </ButtonLink>
      )}
      <ButtonLink to={sheetPath(organisationId)} variant="secondary" className="button-wide">
        {t('attendance.sheet.open')}
      </ButtonLink>
      {sessions.length === 0 ? (
        <p>{t('attendance.noSessions')}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((session) => {
            const statuses = sessionAttendance(session.sessionId, learnerIds, marks);
            const absent = [...statuses.values()].filter(
              (s) => s === 'absent' || s === 'excused',
            ).length;
            return (
              <li key={session.sessionId}>
                <Link to={sessionPath(organisationId, session.sessionId)} className="session-link">
                  <span>
                    {t('attendance.sessionLine', {
                      day: formatDate(session.day),
                      topic: session.topic,
                    })}
                  </span>
                  <span className="muted">{t('attendance.sessionAbsent', { absent })}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <ButtonLink to={rosterPath(organisationId)} variant="secondary">
        {t('attendance.back')}
      </ButtonLink>
    </main>
  );
}
