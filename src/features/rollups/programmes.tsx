import { complianceStatuses } from '../../domain/compliance';
import { percentDone } from '../../domain/complianceRollups';
import { useTranslation } from '../../i18n';
import type { ComplianceCounts } from '../../protocol';
import { SelectField } from '../../ui/SelectField';

/** The counts of several rows added up (a province's agencies, the nation's provinces). */
export function sumCounts(rows: readonly ComplianceCounts[]): ComplianceCounts {
  const sum = { staff: 0, not_started: 0, in_progress: 0, done: 0, overdue: 0, exempt: 0 };
  for (const row of rows) {
    sum.staff += row.staff;
    for (const status of complianceStatuses) sum[status] += row[status];
  }
  return { ...sum, percentDone: percentDone(sum) };
}

/** One programme (by title) or all of them; shown only when there is more than one. */
export function ProgrammeChoice({
  titles,
  value,
  onChange,
}: {
  titles: readonly string[];
  value: string;
  onChange: (title: string) => void;
}) {
  const { t } = useTranslation();
  if (titles.length < 2 && value === '') return null;
  return (
    <SelectField
      label={t('orgs.rollup.programme')}
      value={value}
      options={[
        { value: '', label: t('orgs.rollup.allProgrammes') },
        ...titles.map((title) => ({ value: title, label: title })),
      ]}
      onChange={onChange}
    />
  );
}
