import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useCertificate } from '../../data/certificateHooks';
import { useCourseOutline, useCourseProgress } from '../../data/hooks';
import { lessonsDone } from '../../domain/course';
import { useFixedT, useLanguage, useTranslation } from '../../i18n';
import type { Language } from '../../protocol/languages';
import { useSession } from '../../state/session';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { LoadingScreen, ScreenMessage } from '../../ui/ScreenMessage';
import { CertificateActions } from './CertificateActions';
import { CertificatePaper } from './CertificatePaper';
import { certificateState, courseTitle } from './certificateView';
import { CERTIFICATES_PATH } from './paths';
import { qrImage } from '../../ui/qrImage';
import { verifyLink } from '../../domain/certificates/verifyLink';
import { usePageSize, type Paper } from '../../ui/usePageSize';
import '../../ui/printPage.css';
import './certificates.css';

function issuerName(credential: unknown): string {
  const name = (credential as { issuer?: { name?: unknown } } | undefined)?.issuer?.name;
  return typeof name === 'string' ? name : '';
}

/** One certificate: waiting to be signed, or signed and ready to print, download and share. */
export function CertificateScreen() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const profileId = useSession((s) => s.profileId);
  const row = useCertificate(profileId, courseId);
  // The outline is enough, and stays when the course's pack is removed from the phone.
  const course = useCourseOutline(courseId);
  const progress = useCourseProgress(profileId, courseId);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [paper, setPaper] = useState<Paper>('a4');
  const [qr, setQr] = useState<string | null>(null);
  const [qrWidth, setQrWidth] = useState<number | undefined>(undefined);
  const printT = useFixedT(language);
  const code = row?.qr;
  usePageSize(paper);

  useEffect(() => {
    if (!code) return;
    let live = true;
    // A link the phone's camera opens, to this server's verify page (or the installed app).
    void qrImage(verifyLink(window.location.origin, code)).then(({ url, screenWidth }) => {
      if (!live) return;
      setQr(url);
      setQrWidth(screenWidth);
    });
    return () => {
      live = false;
    };
  }, [code]);

  if (row === undefined || course === undefined || progress === undefined) {
    return <LoadingScreen />;
  }
  if (row === null) {
    return (
      <ScreenMessage
        message={t('certificates.page.notFound')}
        actionLabel={t('certificates.page.back')}
        actionTo={CERTIFICATES_PATH}
      />
    );
  }
  const state = certificateState(row);
  const back = (
    <ButtonLink to={CERTIFICATES_PATH} variant="quiet" className="crumb certificate-back">
      {t('certificates.page.back')}
    </ButtonLink>
  );

  if (state === 'waiting') {
    return (
      <main className="screen">
        {back}
        <h1>{courseTitle(row, course, uiLanguage)}</h1>
        <div className="certificate-waiting" role="status">
          <p className="certificate-waiting-title">{t('certificates.status.waiting')}</p>
          <p>{t('certificates.waitingHint')}</p>
        </div>
        {row.pendingReason && (
          <Notice tone="warning">{t(`certificates.pendingReason.${row.pendingReason}`)}</Notice>
        )}
        <dl className="verify-claims">
          <dt>{t('certificates.request.nameLabel')}</dt>
          <dd>{row.holderName}</dd>
        </dl>
      </main>
    );
  }

  return (
    <main className="screen certificate-screen print-page">
      {back}
      <h1 className="certificate-title">{courseTitle(row, course, uiLanguage)}</h1>
      {state === 'revoked' && <Notice tone="error">{t('certificates.page.revokedNotice')}</Notice>}
      {printT && (
        <CertificatePaper
          row={row}
          title={courseTitle(row, course, language)}
          issuer={issuerName(row.credential)}
          qr={qr}
          qrWidth={qrWidth}
          lessonsDone={course !== null && lessonsDone(course, progress) === course.lessons.length}
          t={printT}
          language={language}
          paper={paper}
        />
      )}
      <CertificateActions
        row={row}
        qr={qr}
        language={language}
        onLanguage={setLanguage}
        paper={paper}
        onPaper={setPaper}
      />
    </main>
  );
}
