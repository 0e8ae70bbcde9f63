import { useTranslation } from '../../i18n';
import { PERIODS, type Period } from '../../domain/periods';
import { SelectField } from '../../ui/SelectField';

/** Which days a dashboard or roll-up counts, and its exports hold: this month, last month… */
export function PeriodChoice({
  value,
  onChange,
}: {
  value: Period;
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('orgs.period.label')}
      value={value}
      options={PERIODS.map((period) => ({ value: period, label: t(`orgs.period.${period}`) }))}
      onChange={onChange}
    />
  );
}
