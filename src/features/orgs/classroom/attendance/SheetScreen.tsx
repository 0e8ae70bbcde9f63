import { useSearchParams, useParams } from 'react-router';
import {
  useClassMarks,
  useClassRoster,
  useClassSessionVersions,
} from '../../../../data/attendanceHooks';
import { attendanceSheet, isMonth, type AttendanceSheet } from '../../../../domain/attendance';
import { useTranslation } from '../../../../i18n';
import { Button } from '../../../../ui/Button';
import { attendanceFile } from '../../../../sync/attendanceApi';
import { ButtonLink } from '../../../../ui/ButtonLink';
import { LoadingScreen } from '../../../../ui/ScreenMessage';
import { FigureExports } from '../../FigureExports';
import { formatDate, todayIso } from '../../format';
import { sessionsPath } from './paths';
import '../../../../ui/printPage.css';
import './attendance.css';

/**
 * A month's attendance, learners down and sessions across, from what this phone holds (so it
 * prints offline); the same sheet downloads as CSV or Excel from the server.
 */
export function SheetScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('month');
  const month = isMonth(asked) ? asked : todayIso().slice(0, 7);
  const roster = useClassRoster(organisationId);
  const sessions = useClassSessionVersions(organisationId);
  const marks = useClassMarks(organisationId);
  if (roster === undefined || sessions === undefined || marks === undefined) {
    return <LoadingScreen />;
  }
  const sheet = attendanceSheet(month, roster?.learners ?? [], sessions, marks);
  return (
    <main className="screen attendance-screen print-page">
      <p className="kicker">{roster?.className}</p>
      <h1>{t('attendance.sheet.title', { month: month.split('-').reverse().join('/') })}</h1>
      <div className="print-hide">
        <label className="field">
          <span className="field-label">{t('attendance.sheet.month')}</span>
          <input
            className="input"
            type="month"
            value={month}
            onChange={(event) => {
              if (isMonth(event.target.value)) {
                setSearch({ month: event.target.value }, { replace: true });
              }
            }}
          />
        </label>
      </div>
      {sheet.sessions.length === 0 ? (
        <p>{t('attendance.sheet.none')}</p>
      ) : (
        <SheetTable sheet={sheet} />
      )}
      <div className="print-hide attendance-actions">
        <Button onClick={() => window.print()}>{t('attendance.sheet.print')}</Button>
        <SheetExports classId={organisationId} month={month} />
        <ButtonLink to={sessionsPath(organisationId)} variant="secondary">
          {t('attendance.backToSessions')}
        </ButtonLink>
      </div>
    </main>
  );
}

function SheetTable({ sheet }: { sheet: AttendanceSheet }) {
  const { t } = useTranslation();
  return (
    <>
      <div
        className="sheet-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('attendance.sheet.open')}
      >
        <table className="attendance-sheet">
          <thead>
            <tr>
              <th scope="col">{t('attendance.sheet.learner')}</th>
              {sheet.sessions.map((session) => (
                <th scope="col" key={session.sessionId} title={session.topic}>
                  {formatDate(session.day).slice(0, 5)}
                </th>
              ))}
              <th scope="col">{t('attendance.sheet.attended')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map(({ learner, statuses, present }) => (
              <tr key={learner.accountId}>
                <th scope="row">{learner.displayName}</th>
                {statuses.map((status, i) => (
                  <td key={sheet.sessions[i]!.sessionId} className={`sheet-${status}`}>
                    <abbr title={t(`attendance.status.${status}`)}>
                      {t(`attendance.short.${status}`)}
                    </abbr>
                  </td>
                ))}
                <td>{present}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('attendance.sheet.legend')}</p>
      <ul className="sheet-topics">
        {sheet.sessions.map((session) => (
          <li key={session.sessionId}>
            {t('attendance.sessionLine', { day: formatDate(session.day), topic: session.topic })}
          </li>
        ))}
      </ul>
    </>
  );
}

function SheetExports({ classId, month }: { classId: string; month: string }) {
  return (
    <FigureExports
      fetchFile={(token, format) => attendanceFile(token, classId, month, format)}
      fileName={(format) => `diem-danh-${month}.${format}`}
    />
  );
}
