import { useTranslation } from '../../../i18n';
import type { VisitAggregates } from '../../../protocol/visits';
import { FigureSection, type Figure } from './FigureSection';
import { useServiceLabel } from './useServices';

/** Buckets as figures to chart, each key given its label. */
export const toFigures = <K extends string>(
  buckets: { key: K; count: number }[],
  label: (key: K) => string,
): Figure[] => buckets.map((b) => ({ key: b.key, label: label(b.key), count: b.count }));

/**
 * The breakdowns every roll-up of the visit log shares (a team's dashboard, a commune's
 * summary): by service, outcome, month, age band and gender. Figures only, never a person.
 */
export function AggregateFigures({ aggregates }: { aggregates: VisitAggregates }) {
  const { t } = useTranslation();
  const service = useServiceLabel();
  const unknown = (key: string, words: (key: string) => string) =>
    key === 'unknown' ? t('team.dashboard.unknown') : words(key);
  return (
    <>
      <FigureSection
        id="byCategory"
        title={t('team.dashboard.byCategory')}
        figures={toFigures(aggregates.byCategory, (k) => t(`team.categories.${k}`))}
      />
      <FigureSection
        id="byService"
        title={t('team.dashboard.byService')}
        figures={toFigures(aggregates.byService, service)}
      />
      <FigureSection
        id="byOutcome"
        title={t('team.dashboard.byOutcome')}
        figures={toFigures(aggregates.byOutcome, (k) => t(`team.form.outcomes.${k}`))}
      />
      <FigureSection
        id="byMonth"
        title={t('team.dashboard.byMonth')}
        figures={toFigures(aggregates.byMonth, (k) => `${k.slice(5)}/${k.slice(0, 4)}`)}
      />
      <FigureSection
        id="byAgeBand"
        title={t('team.dashboard.byAgeBand')}
        figures={toFigures(aggregates.byAgeBand, (k) =>
          unknown(k, (a) => t(`team.form.ageBands.${a as 'under18'}`)),
        )}
      />
      <FigureSection
        id="byGender"
        title={t('team.dashboard.byGender')}
        figures={toFigures(aggregates.byGender, (k) =>
          unknown(k, (g) => t(`team.form.genders.${g as 'female'}`)),
        )}
      />
    </>
  );
}
