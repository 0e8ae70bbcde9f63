import { useTranslation } from '../../../i18n';
import type { VisitVersion } from '../../../protocol/visits';
import { formatDate } from '../format';
import { useServiceLabel } from './useServices';

/** The rows shown for a version: label and words, in a fixed order. */
function useSummaryRows(): (visit: VisitVersion) => [string, string][] {
  const { t } = useTranslation();
  const label = useServiceLabel();
  return (visit) => {
    const { person } = visit;
    const about = [
      person.name,
      person.ageBand && t(`team.form.ageBands.${person.ageBand}`),
      person.gender && t(`team.form.genders.${person.gender}`),
      person.ethnicity,
      person.phone,
    ].filter(Boolean);
    const rows: [string, string][] = [
      [t('team.form.date'), formatDate(visit.date)],
      [t('team.detail.services'), visit.services.map(label).join(', ')],
      [
        t('team.form.outcome'),
        `${t(`team.form.outcomes.${visit.outcome}`)}${visit.outcomeReason ? ` — ${visit.outcomeReason}` : ''}`,
      ],
      [t('team.form.minutes'), t('team.form.minutesValue', { count: visit.minutes })],
      [t('team.detail.person'), about.length ? about.join(' · ') : t('team.list.nobody')],
      [t('team.detail.place'), `${visit.village} (${visit.communeCode})`],
    ];
    if (visit.learnerRef) rows.push([t('team.form.learnerRef'), visit.learnerRef]);
    if (visit.note) rows.push([t('team.form.note'), visit.note]);
    return rows;
  };
}

/**
 * One version of a visit, read-only: what was done, for whom, where. Given another version to
 * compare with, the rows that differ are marked, so a leader sees at once what changed.
 */
export function VisitSummary({
  visit,
  compareWith,
}: {
  visit: VisitVersion;
  compareWith?: VisitVersion;
}) {
  const rowsOf = useSummaryRows();
  const other = compareWith ? new Map(rowsOf(compareWith)) : null;
  return (
    <dl className="visit-summary">
      {rowsOf(visit).map(([label, words]) => {
        const differs = other !== null && other.get(label) !== words;
        return (
          <div key={label} className={differs ? 'differs' : undefined}>
            <dt>{label}</dt>
            <dd>{words}</dd>
          </div>
        );
      })}
    </dl>
  );
}
