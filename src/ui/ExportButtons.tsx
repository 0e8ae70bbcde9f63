import { Button } from './Button';
import { Notice } from './Notice';

export type ExportFormat = 'csv' | 'xlsx';

interface ExportButtonsProps {
  onDownload: (format: ExportFormat) => Promise<void>;
  /** The last download failed (no connection): say so under the buttons. */
  failed: boolean;
  labels: { csv: string; xlsx: string; failed: string };
}

/** The CSV and Excel downloads of a dashboard or a roll-up. */
export function ExportButtons({ onDownload, failed, labels }: ExportButtonsProps) {
  return (
    <>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void onDownload('csv')}>
          {labels.csv}
        </Button>
        <Button variant="secondary" onClick={() => void onDownload('xlsx')}>
          {labels.xlsx}
        </Button>
      </div>
      {failed && <Notice tone="warning">{labels.failed}</Notice>}
    </>
  );
}
