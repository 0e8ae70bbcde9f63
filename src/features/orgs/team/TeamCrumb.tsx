import { Link } from 'react-router';
import { useTranslation } from '../../../i18n';

/** The way back to the team's visit list, above every toolkit screen. */
export function TeamCrumb({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  return (
    <p className="kicker">
      <Link to={`/team/${teamId}`} className="crumb">
        {t('team.list.title')}
      </Link>
    </p>
  );
}
