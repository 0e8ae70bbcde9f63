import { useClassRoster } from '../../../../data/attendanceHooks';
import { useTranslation } from '../../../../i18n';
import { ButtonLink } from '../../../../ui/ButtonLink';
import { newSessionPath, sessionsPath } from './paths';

/** Without a connection, a class whose roster this phone keeps still takes attendance. */
export function OfflineAttendance({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const roster = useClassRoster(classId);
  if (!roster) return null;
  return (
    <>
      <ButtonLink to={newSessionPath(classId)} className="button-wide">
        {t('attendance.open')}
      </ButtonLink>
      <ButtonLink to={sessionsPath(classId)} variant="secondary" className="button-wide">
        {t('attendance.sessions')}
      </ButtonLink>
    </>
  );
}
