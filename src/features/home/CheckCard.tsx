import { Link } from 'react-router';
import { useTranslation } from '../../i18n';
import { CHECK_PATH } from '../welcome/paths';

/** For a profile that has not taken the five-question check and not started any course. */
export function CheckCard() {
  const { t } = useTranslation();
  return (
    <Link to={CHECK_PATH} className="card">
      <span className="card-kicker">{t('welcome.home.kicker')}</span>
      <span className="card-title">{t('welcome.home.title')}</span>
      <span className="card-text">{t('welcome.home.text')}</span>
    </Link>
  );
}
