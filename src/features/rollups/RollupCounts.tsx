import { useTranslation } from '../../i18n';
import { complianceStatuses } from '../../domain/compliance';
import type { ComplianceCounts } from '../../protocol';

/** One row of a roll-up in words: how many people, each status, and the share done. */
export function RollupCounts({ counts, label }: { counts: ComplianceCounts; label: string }) {
  const { t } = useTranslation();
  return (
    <dl className="rollup-counts" aria-label={label}>
      <div>
        <dt>{t('orgs.rollup.staff')}</dt>
        <dd data-count="staff">{counts.staff}</dd>
      </div>
      {complianceStatuses.map((status) => (
        <div key={status} className={`rollup-${status}`}>
          <dt>{t(`orgs.agency.statuses.${status}`)}</dt>
          <dd data-count={status} data-none={counts[status] === 0 || undefined}>
            {counts[status]}
          </dd>
        </div>
      ))}
      <div className="rollup-percent">
        <dt>{t('orgs.rollup.percent')}</dt>
        <dd data-count="percentDone">
          {counts.percentDone === null
            ? t('orgs.rollup.noPercent')
            : t('orgs.rollup.percentValue', { percent: counts.percentDone })}
        </dd>
      </div>
    </dl>
  );
}
