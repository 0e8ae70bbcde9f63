import { useTranslation } from '../../i18n';
import type { VisitVersion } from '../../protocol/visits';
import { formatDate } from './format';
import { useServiceLabel } from './useServices';

/** One version of a visit, read-only: what was done, for whom, where. */
export function VisitSummary({ visit }: { visit: VisitVersion }) {
  const { t } = useTranslation();
  const label = useServiceLabel();
  const { person } = visit;
  const about = [
    person.name,
    person.ageBand && t(`team.form.ageBands.${person.ageBand}`),
    person.gender && t(`team.form.genders.${person.gender}`),
    person.ethnicity,
    person.phone,
  ].filter(Boolean);
  return (
    <dl className="visit-summary">
      <dt>{t('team.form.date')}</dt>
      <dd>{formatDate(visit.date)}</dd>
      <dt>{t('team.detail.services')}</dt>
      <dd>{visit.services.map(label).join(', ')}</dd>
      <dt>{t('team.form.outcome')}</dt>
      <dd>
        {t(`team.form.outcomes.${visit.outcome}`)}
        {visit.outcomeReason && ` — ${visit.outcomeReason}`}
      </dd>
      <dt>{t('team.form.minutes')}</dt>
      <dd>{t('team.form.minutesValue', { count: visit.minutes })}</dd>
      <dt>{t('team.detail.person')}</dt>
      <dd>{about.length ? about.join(' · ') : t('team.list.nobody')}</dd>
      <dt>{t('team.detail.place')}</dt>
      <dd>{`${visit.village} (${visit.communeCode})`}</dd>
      {visit.note && (
        <>
          <dt>{t('team.form.note')}</dt>
          <dd>{visit.note}</dd>
        </>
      )}
    </dl>
  );
}
