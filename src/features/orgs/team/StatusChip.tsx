import { useTranslation } from '../../../i18n';

export type VisitStatus =
  'draft' | 'waiting' | 'sent' | 'conflict' | 'refused' | 'approved' | 'sent_back';

export function StatusChip({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return <span className={`status-chip status-${status}`}>{t(`team.status.${status}`)}</span>;
}
