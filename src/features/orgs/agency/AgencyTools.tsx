import { useTranslation } from '../../../i18n';
import type { Organisation } from '../../../protocol';
import { ButtonLink } from '../../../ui/ButtonLink';
import { compliancePath } from './paths';
import { StaffImport } from './StaffImport';

/** What an agency's admin does with the whole agency: import its staff, read who has finished. */
export function AgencyTools({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  return (
    <>
      <ButtonLink to={compliancePath(org.id)} variant="secondary" className="button-wide">
        {t('orgs.agency.reportOpen')}
      </ButtonLink>
      <StaffImport org={org} />
    </>
  );
}
