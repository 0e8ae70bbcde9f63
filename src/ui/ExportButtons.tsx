import { useTranslation } from '../i18n';
import { Button } from './Button';
import { Notice } from './Notice';

export type ExportFormat = 'csv' | 'xlsx';

interface ExportButtonsProps {
  onDownload: (format: ExportFormat) => Promise<void>;
  /** The last download failed (no connection): say so under the buttons. */
  failed: boolean;
}

/** The CSV and Excel downloads of a dashboard or a roll-up. */
export function ExportButtons({ onDownload, failed }: ExportButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void onDownload('csv')}>
          {t('team.dashboard.downloadCsv')}
        </Button>
        <Button variant="secondary" onClick={() => void onDownload('xlsx')}>
          {t('team.dashboard.downloadXlsx')}
        </Button>
      </div>
      {failed && <Notice tone="warning">{t('team.leader.needsOnline')}</Notice>}
    </>
  );
}
