import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useCourses } from '../../../data/hooks';
import type { CourseOutline } from '../../../protocol/content';
import { verifyLink } from '../../../domain/certificates/verifyLink';
import { useFixedT, useLanguage, useTranslation } from '../../../i18n';
import type { OrgCertificate } from '../../../protocol';
import { Button } from '../../../ui/Button';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { qrImage } from '../../../ui/qrImage';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { usePageSize } from '../../../ui/usePageSize';
import { CertificatePaper } from '../../certificates/CertificatePaper';
import { rosterPath } from '../kinds';
import { useServerRead } from '../useServerRead';
import { orgCertificates } from './rosterApi';
import '../../../ui/printPage.css';
import './classPrint.css';

/** Each certificate's QR (a verify link), made once the list is in. */
function useVerifyQrs(certificates: OrgCertificate[] | null): Map<string, string> {
  const [qrs, setQrs] = useState(new Map<string, string>());
  useEffect(() => {
    if (!certificates) return;
    let live = true;
    void Promise.all(
      certificates.map(
        async (c) => [c.id, (await qrImage(verifyLink(window.location.origin, c.qr))).url] as const,
      ),
    ).then((made) => live && setQrs(new Map(made)));
    return () => {
      live = false;
    };
  }, [certificates]);
  return qrs;
}

function allLessonsDone(course: CourseOutline | undefined, certificate: OrgCertificate): boolean {
  const done = new Set(certificate.completedLessons);
  return course !== undefined && course.lessons.every((lesson) => done.has(lesson.id));
}

/** Every certificate the class's learners hold, four to an A4, each with its verify QR. */
export function ClassCertificatesScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const printT = useFixedT(language);
  const courses = useCourses();
  const { state } = useServerRead(
    (token) => orgCertificates(token, organisationId),
    [organisationId],
  );
  const qrs = useVerifyQrs(state.phase === 'ready' ? state.data : null);
  usePageSize('a4');

  if (state.phase === 'loading' || courses === undefined) return <LoadingScreen />;
  const byId = new Map(courses.map((c) => [c.id, c]));
  return (
    <main className="screen print-page">
      <div className="print-hide">
        <ButtonLink to={rosterPath(organisationId)} variant="quiet" className="crumb">
          {t('orgs.classCertificates.back')}
        </ButtonLink>
        <h1>{t('orgs.classCertificates.title')}</h1>
        {state.phase === 'refused' && <Notice tone="warning">{t('orgs.roster.notAllowed')}</Notice>}
        {state.phase === 'offline' && (
          <Notice tone="warning">{t('orgs.roster.needsOnline')}</Notice>
        )}
        {state.phase === 'ready' && (
          <p role="status">
            {state.data.length === 0
              ? t('orgs.classCertificates.none')
              : t('orgs.classCertificates.count', { count: state.data.length })}
          </p>
        )}
        {state.phase === 'ready' && state.data.length > 0 && (
          <Button className="button-wide" onClick={() => window.print()}>
            {t('orgs.classCertificates.print')}
          </Button>
        )}
      </div>
      {state.phase === 'ready' && printT && (
        <ul className="certificate-sheet">
          {state.data.map((certificate) => {
            const course = byId.get(certificate.courseId);
            return (
              <li key={certificate.id}>
                <CertificatePaper
                  row={{ ...certificate, certificateId: certificate.id }}
                  title={course ? course.title[language] : certificate.courseId}
                  issuer={certificate.issuerName}
                  qr={qrs.get(certificate.id) ?? null}
                  lessonsDone={allLessonsDone(course, certificate)}
                  t={printT}
                  language={language}
                  paper="quarter"
                />
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
