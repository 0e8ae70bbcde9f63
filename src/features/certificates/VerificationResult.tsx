import { useLanguage, useTranslation } from '../../i18n';
import type { Verification } from './verifyCode';
import './certificates.css';

export interface VerificationResultProps {
  result: Verification;
  checkedAt: string | null;
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** What the check found, big and plain, with what the certificate says. */
export function VerificationResult({ result, checkedAt }: VerificationResultProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { status, claims } = result;
  return (
    <section
      className={`verify-result verify-${status}`}
      aria-labelledby="verify-result-title"
      aria-live="polite"
    >
      <h2 id="verify-result-title" className="verify-result-title">
        <span className="verify-mark" aria-hidden="true" />
        {t(`certificates.verify.result.${status}`)}
      </h2>
      <p>{t(`certificates.verify.result.${status}Detail`)}</p>
      {claims && (
        <dl className="verify-claims">
          <dt>{t('certificates.verify.holder')}</dt>
          <dd>{claims.holderName}</dd>
          <dt>{t('certificates.verify.course')}</dt>
          <dd>{claims.courseTitle}</dd>
          <dt>{t('certificates.verify.date')}</dt>
          <dd>{formatDay(claims.issuedOn, language)}</dd>
        </dl>
      )}
      {(status === 'valid' || status === 'revoked') && (
        <p className="verify-checked">
          {checkedAt && result.listTrusted
            ? t('certificates.verify.lastChecked', { time: formatTime(checkedAt, language) })
            : t('certificates.verify.neverChecked')}
        </p>
      )}
    </section>
  );
}
