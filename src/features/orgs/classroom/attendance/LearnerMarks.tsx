import { nextStatus } from '../../../../domain/attendance';
import { useTranslation } from '../../../../i18n';
import type { AttendanceStatus } from '../../../../protocol';

interface LearnerMarksProps {
  learners: readonly { accountId: string; displayName: string }[];
  statuses: ReadonlyMap<string, AttendanceStatus>;
  onChange: (learnerId: string, status: AttendanceStatus) => void;
}

/** Every learner as one big button: a tap moves them to the next status. */
export function LearnerMarks({ learners, statuses, onChange }: LearnerMarksProps) {
  const { t } = useTranslation();
  return (
    <ul className="mark-list">
      {learners.map(({ accountId, displayName }) => {
        const status = statuses.get(accountId) ?? 'present';
        return (
          <li key={accountId}>
            <button
              type="button"
              className={`mark-button mark-${status}`}
              onClick={() => onChange(accountId, nextStatus(status))}
            >
              <span className="mark-name">{displayName}</span>
              <span className="mark-status">{t(`attendance.status.${status}`)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** "40 học viên: 37 có mặt, 1 vắng…" for the statuses on screen. */
export function MarksSummary({ statuses }: { statuses: ReadonlyMap<string, AttendanceStatus> }) {
  const { t } = useTranslation();
  const count = (status: AttendanceStatus) =>
    [...statuses.values()].filter((s) => s === status).length;
  return (
    <p className="mark-summary" aria-live="polite">
      {t('attendance.summary', {
        learners: statuses.size,
        present: count('present'),
        absent: count('absent'),
        late: count('late'),
        excused: count('excused'),
      })}
    </p>
  );
}
