import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { saveAttendance } from '../../../../data/attendance';
import { useClassMarks, useClassRoster, useClassSessions } from '../../../../data/attendanceHooks';
import { StorageFullError } from '../../../../data/errors';
import { getDeviceId } from '../../../../data/meta';
import type { ClassRosterRow, ClassSessionRow } from '../../../../data/rows';
import { sessionAttendance } from '../../../../domain/attendance';
import { useLanguage, useTranslation } from '../../../../i18n';
import { newRandomId } from '../../../../lib/ids';
import type { AttendanceStatus } from '../../../../protocol';
import { useSession } from '../../../../state/session';
import { syncSoon } from '../../../../sync/control';
import { Button } from '../../../../ui/Button';
import { ButtonLink } from '../../../../ui/ButtonLink';
import { Notice } from '../../../../ui/Notice';
import { LoadingScreen } from '../../../../ui/ScreenMessage';
import { TextField } from '../../../../ui/TextField';
import { formatDate, formatTime, todayIso } from '../../format';
import { rosterPath } from '../../kinds';
import { LearnerMarks, MarksSummary } from './LearnerMarks';
import { sessionsPath } from './paths';
import './attendance.css';

/** Typed text as the protocol keeps it: trimmed, NFC, at most `max` characters. */
const clean = (text: string, max = 120) =>
  Array.from(text.trim().normalize('NFC')).slice(0, max).join('').trim();

/**
 * Attendance for a session, new or saved, from the roster kept on this phone: works offline.
 * Everyone starts present; a tap on a name marks the exception; saving writes the changes to the
 * outbox and the sync engine sends them.
 */
export function SessionScreen() {
  const { organisationId = '', sessionId } = useParams();
  const { t } = useTranslation();
  const roster = useClassRoster(organisationId);
  const sessions = useClassSessions(organisationId);
  const marks = useClassMarks(organisationId);
  const [newId] = useState(newRandomId);
  if (roster === undefined || sessions === undefined || marks === undefined) {
    return <LoadingScreen />;
  }
  const current = sessionId ? sessions.find((s) => s.sessionId === sessionId) : undefined;
  if (!roster || (sessionId && !current)) {
    return (
      <main className="screen">
        <h1>{t('attendance.open')}</h1>
        <Notice tone="warning">
          {roster ? t('attendance.sessionMissing') : t('attendance.noRoster')}
        </Notice>
        <ButtonLink to={rosterPath(organisationId)} variant="secondary">
          {t('attendance.back')}
        </ButtonLink>
      </main>
    );
  }
  const id = current?.sessionId ?? newId;
  const before = sessionAttendance(
    id,
    roster.learners.map((l) => l.accountId),
    marks,
  );
  return <SessionForm key={id} roster={roster} sessionId={id} current={current} before={before} />;
}

interface SessionFormProps {
  roster: ClassRosterRow;
  sessionId: string;
  current: ClassSessionRow | undefined;
  before: ReadonlyMap<string, AttendanceStatus>;
}

function SessionForm({ roster, sessionId, current, before }: SessionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const profileId = useSession((s) => s.profileId);
  const [day, setDay] = useState(() => current?.day ?? todayIso());
  const [topic, setTopic] = useState(current?.topic ?? '');
  const [items, setItems] = useState(current?.items.join('\n') ?? '');
  const [statuses, setStatuses] = useState(() => new Map(before));
  const [topicError, setTopicError] = useState<string>();
  const [failure, setFailure] = useState<'storageFull' | 'unexpected'>();
  const learners = useMemo(
    () => [...roster.learners].sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi')),
    [roster.learners],
  );

  const save = async (deleted: boolean) => {
    if (!clean(topic)) {
      setTopicError(t('attendance.topicMissing'));
      return;
    }
    try {
      await saveAttendance({
        profileId,
        deviceId: await getDeviceId(),
        classId: roster.classId,
        sessionId,
        day,
        topic: clean(topic),
        items: items
          .split('\n')
          .map((line) => clean(line))
          .filter(Boolean)
          .slice(0, 30),
        deleted,
        ...(current ? { current } : {}),
        before,
        after: deleted ? before : statuses,
      });
      syncSoon();
      void navigate(sessionsPath(roster.classId), {
        state: { notice: deleted ? 'deleted' : 'saved' },
      });
    } catch (error) {
      console.warn('Attendance not saved', error);
      setFailure(error instanceof StorageFullError ? 'storageFull' : 'unexpected');
    }
  };

  return (
    <main className="screen attendance-screen">
      <p className="kicker">{roster.className}</p>
      <h1>{current ? t('attendance.editTitle') : t('attendance.newTitle')}</h1>
      <p className="muted">
        {t('attendance.rosterAsOf', {
          time: `${formatTime(roster.savedAt, language)} ${formatDate(roster.savedAt)}`,
        })}
      </p>
      <TextField
        label={t('attendance.day')}
        type="date"
        value={day}
        onChange={(value) => value && setDay(value)}
        required
      />
      <TextField
        label={t('attendance.topic')}
        hint={t('attendance.topicHint')}
        value={topic}
        onChange={(value) => {
          setTopic(value);
          setTopicError(undefined);
        }}
        error={topicError}
        maxLength={120}
      />
      <details className="attendance-items disclosure">
        <summary>{t('attendance.items')}</summary>
        <textarea
          className="input"
          aria-label={t('attendance.items')}
          value={items}
          rows={3}
          onChange={(event) => setItems(event.target.value)}
        />
      </details>
      {learners.length === 0 ? (
        <Notice tone="info">{t('attendance.noLearners')}</Notice>
      ) : (
        <>
          <p className="muted">{t('attendance.tapHint')}</p>
          <MarksSummary statuses={statuses} />
          <LearnerMarks
            learners={learners}
            statuses={statuses}
            onChange={(learnerId, status) =>
              setStatuses((old) => new Map(old).set(learnerId, status))
            }
          />
        </>
      )}
      {failure && <Notice tone="error">{t(`app.errors.${failure}`)}</Notice>}
      <div className="attendance-actions">
        <Button className="button-wide" onClick={() => void save(false)}>
          {t('attendance.save')}
        </Button>
        {current && (
          <Button variant="quiet" onClick={() => void save(true)}>
            {t('attendance.delete')}
          </Button>
        )}
        <ButtonLink to={sessionsPath(roster.classId)} variant="secondary">
          {t('attendance.backToSessions')}
        </ButtonLink>
      </div>
    </main>
  );
}
