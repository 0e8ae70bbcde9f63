import { useState } from 'react';
import type { CertificateRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import type { Language } from '../../protocol/languages';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { dataUrlToBlob } from '../../ui/qrImage';
import './certificates.css';

export interface CertificateActionsProps {
  row: CertificateRow;
  qr: string | null;
  language: Language;
  onLanguage: (language: Language) => void;
  paper: 'a4' | 'a5';
  onPaper: (paper: 'a4' | 'a5') => void;
}

function fileName(row: CertificateRow, extension: string): string {
  return `chung-chi-${row.courseId}.${extension}`;
}

function credentialFile(row: CertificateRow): File {
  return new File([JSON.stringify(row.credential, null, 2)], fileName(row, 'json'), {
    type: 'application/json',
  });
}

function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Print (language, paper size), download the full credential, and share where the phone can. */
export function CertificateActions(props: CertificateActionsProps) {
  const { row, qr, language, onLanguage, paper, onPaper } = props;
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const canShare = typeof navigator.share === 'function';

  const share = async (file: File) => {
    setFailed(false);
    try {
      if (navigator.canShare && !navigator.canShare({ files: [file] })) throw new Error('files');
      await navigator.share({ files: [file], title: t('certificates.paper.heading') });
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setFailed(true);
    }
  };

  return (
    <section className="certificate-actions" aria-labelledby="certificate-actions-heading">
      <h2 id="certificate-actions-heading">{t('certificates.page.actions')}</h2>
      <fieldset className="settings-group">
        <legend>{t('certificates.page.printLanguage')}</legend>
        {(['vi', 'en'] as const).map((choice) => (
          <label key={choice} className="switch-row" lang={choice}>
            <input
              type="radio"
              name="print-language"
              checked={language === choice}
              onChange={() => onLanguage(choice)}
            />
            <span>{choice === 'vi' ? 'Tiếng Việt' : 'English'}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-group">
        <legend>{t('certificates.page.paper')}</legend>
        {(['a4', 'a5'] as const).map((choice) => (
          <label key={choice} className="switch-row">
            <input
              type="radio"
              name="paper"
              checked={paper === choice}
              onChange={() => onPaper(choice)}
            />
            <span>{choice.toUpperCase()}</span>
          </label>
        ))}
      </fieldset>
      <Button className="button-wide" onClick={() => window.print()}>
        {t('certificates.page.print')}
      </Button>
      <Button
        variant="secondary"
        className="button-wide"
        onClick={() => download(credentialFile(row))}
      >
        {t('certificates.page.download')}
      </Button>
      {canShare && qr && (
        <Button
          variant="secondary"
          className="button-wide"
          onClick={() =>
            void share(new File([dataUrlToBlob(qr)], fileName(row, 'png'), { type: 'image/png' }))
          }
        >
          {t('certificates.page.shareQr')}
        </Button>
      )}
      {canShare && (
        <Button
          variant="secondary"
          className="button-wide"
          onClick={() => void share(credentialFile(row))}
        >
          {t('certificates.page.shareJson')}
        </Button>
      )}
      {failed && <Notice tone="warning">{t('certificates.page.shareFailed')}</Notice>}
    </section>
  );
}
