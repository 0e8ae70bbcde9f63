import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { saveBlob } from '../../lib/saveBlob';
import { useSession } from '../../state/session';
import { ExportButtons, type ExportFormat } from '../../ui/ExportButtons';
import { withAccountToken } from '../../sync/accountTokens';

/**
 * The CSV and Excel downloads of any organisation's figures: the file is asked for with the
 * profile's token and saved under `fileName`; without a connection, the buttons say so.
 */
export function FigureExports({
  fetchFile,
  fileName,
}: {
  fetchFile: (token: string, format: ExportFormat) => Promise<Blob>;
  fileName: (format: ExportFormat) => string;
}) {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const [failed, setFailed] = useState(false);

  const download = async (format: ExportFormat) => {
    setFailed(false);
    try {
      saveBlob(
        await withAccountToken(profileId, (token) => fetchFile(token, format)),
        fileName(format),
      );
    } catch {
      setFailed(true);
    }
  };

  return (
    <ExportButtons
      onDownload={download}
      failed={failed}
      labels={{
        csv: t('team.dashboard.downloadCsv'),
        xlsx: t('team.dashboard.downloadXlsx'),
        failed: t('team.leader.needsOnline'),
      }}
    />
  );
}
