import type { CSSProperties } from 'react';
import type { CertificateRow } from '../../data/rows';
import './certificateQr.css';
import type { FixedT } from '../../i18n';
import './certificates.css';

export interface CertificatePaperProps {
  row: Pick<CertificateRow, 'holderName' | 'issuedAt' | 'certificateId' | 'programme'>;
  title: string;
  issuer: string;
  qr: string | null;
  /** On-screen width of the QR in CSS pixels, where its modules are whole pixels. */
  qrWidth?: number;
  /**
   * Whether every lesson of the course was done. The server signs for a passed quiz; only with
   * the lessons done does the paper say the course was completed, otherwise it names the quiz.
   */
  lessonsDone: boolean;
  /** A translator fixed to the language printed on the certificate. */
  t: FixedT;
  language: string;
  /** One per A4 or A5 sheet, or a quarter of an A4 (a class's certificates printed together). */
  paper: 'a4' | 'a5' | 'quarter';
}

/** The certificate as printed: what it certifies, the QR code and how to check it. */
export function CertificatePaper({
  row,
  title,
  issuer,
  qr,
  qrWidth,
  lessonsDone,
  t,
  language,
  paper,
}: CertificatePaperProps) {
  const date = row.issuedAt
    ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
        dateStyle: 'long',
        // The day it was in Vietnam, where the certificate was earned, not in UTC.
        timeZone: 'Asia/Ho_Chi_Minh',
      }).format(new Date(row.issuedAt))
    : '';
  return (
    <article className={`certificate-paper certificate-${paper}`} lang={language}>
      <p className="certificate-heading">{t('certificates.paper.heading')}</p>
      <p className="certificate-line">{t('certificates.paper.certifies')}</p>
      <p className="certificate-holder">{row.holderName}</p>
      <p className="certificate-line">
        {row.programme
          ? t('certificates.paper.completedProgramme')
          : lessonsDone
            ? t('certificates.paper.completed')
            : t('certificates.paper.passedQuiz')}
      </p>
      <p className="certificate-course">{title}</p>
      <p className="certificate-meta">{t('certificates.paper.date', { date })}</p>
      <p className="certificate-meta">{t('certificates.paper.issuer', { issuer })}</p>
      {qr && (
        <img
          className="certificate-qr"
          src={qr}
          alt={t('certificates.paper.qrAlt')}
          style={qrWidth ? ({ '--qr-width': `${qrWidth}px` } as CSSProperties) : undefined}
        />
      )}
      <p className="certificate-hint">{t('certificates.paper.verifyHint')}</p>
      <p className="certificate-id">{t('certificates.paper.id', { id: row.certificateId })}</p>
    </article>
  );
}
