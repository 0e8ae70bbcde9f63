import { useTranslation } from '../../../i18n';
import type { Organisation } from '../../../protocol';
import { ButtonLink } from '../../../ui/ButtonLink';
import { newSessionPath, sessionsPath } from './attendance/paths';
import { useCacheRoster } from './attendance/useCacheRoster';
import { classCertificatesPath } from './paths';
import { RosterImport } from './RosterImport';

/**
 * What a class's teacher does with the whole room: take attendance (the roster is kept on the
 * phone for that, each time the class is opened), import its roster, print its certificates.
 */
export function ClassTools({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  useCacheRoster(org);
  return (
    <>
      <ButtonLink to={newSessionPath(org.id)} className="button-wide">
        {t('attendance.open')}
      </ButtonLink>
      <ButtonLink to={sessionsPath(org.id)} variant="secondary" className="button-wide">
        {t('attendance.sessions')}
      </ButtonLink>
      <RosterImport org={org} />
      <ButtonLink to={classCertificatesPath(org.id)} variant="secondary" className="button-wide">
        {t('orgs.classCertificates.open')}
      </ButtonLink>
    </>
  );
}
