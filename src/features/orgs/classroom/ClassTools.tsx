import { useTranslation } from '../../../i18n';
import type { Organisation } from '../../../protocol';
import { ButtonLink } from '../../../ui/ButtonLink';
import { classCertificatesPath } from './paths';
import { RosterImport } from './RosterImport';

/** What a class's teacher does with the whole room: import its roster, print its certificates. */
export function ClassTools({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  return (
    <>
      <RosterImport org={org} />
      <ButtonLink to={classCertificatesPath(org.id)} variant="secondary" className="button-wide">
        {t('orgs.classCertificates.open')}
      </ButtonLink>
    </>
  );
}
