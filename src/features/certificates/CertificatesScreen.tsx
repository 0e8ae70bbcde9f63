import { Link } from 'react-router';
import { useCertificates } from '../../data/certificateHooks';
import { useCourses, useProfile, useProfileProgress } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { programmeCertificateKey } from '../../data/programmeCertificates';
import { useFinishedProgrammes } from '../orgs/finishedProgrammes';
import { ButtonLink } from '../../ui/ButtonLink';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { certificatePath, VERIFY_PATH } from './paths';
import { RequestCertificate } from './RequestCertificate';
import { certificateState, courseTitle } from './certificateView';
import './certificates.css';

/** The learner's certificates, waiting or signed, and the passed courses not yet asked for. */
export function CertificatesScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const profileId = useSession((s) => s.profileId);
  const profile = useProfile(profileId);
  const certificates = useCertificates(profileId);
  const courses = useCourses();
  const progress = useProfileProgress(profileId);
  const programmes = useFinishedProgrammes(profileId);
  if (!certificates || !courses || !progress || !programmes || profile === undefined) {
    return <LoadingScreen />;
  }

  const passed = courses.filter(
    (course) => progress.get(course.id)?.quiz.passed && !certificates.has(course.id),
  );
  const finished = programmes.filter(
    (p) => !certificates.has(programmeCertificateKey(p.assignmentId, p.round)),
  );
  // A programme's certificate first: it is the one an agency asks for.
  const rows = [...certificates.values()].sort(
    (a, b) => Number(b.programme !== undefined) - Number(a.programme !== undefined),
  );
  const courseById = new Map(courses.map((course) => [course.id, course]));

  return (
    <main className="screen">
      <h1>{t('certificates.title')}</h1>
      {finished.length > 0 && (
        <section aria-labelledby="programmes-heading">
          <h2 id="programmes-heading">{t('certificates.programme.heading')}</h2>
          <ul className="card-list">
            {finished.map((programme) => (
              <li key={programme.assignmentId}>
                <RequestCertificate programme={programme} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {passed.length > 0 && (
        <section aria-labelledby="passed-heading">
          <h2 id="passed-heading">{t('certificates.request.heading')}</h2>
          <ul className="card-list">
            {passed.map((course) => (
              <li key={course.id}>
                <RequestCertificate course={course} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows.length === 0 && passed.length === 0 && finished.length === 0 && (
        <p>{t('certificates.empty')}</p>
      )}
      {rows.length > 0 && (
        <ul className="card-list certificate-list">
          {rows.map((row) => {
            const state = certificateState(row);
            return (
              <li key={row.courseId}>
                <Link to={certificatePath(row.courseId)} className="card">
                  <span className="card-title">
                    {courseTitle(row, courseById.get(row.courseId), language)}
                  </span>
                  <span className="card-meta">
                    <span>{row.holderName}</span>
                    <span className={`certificate-badge certificate-badge-${state}`}>
                      {t(`certificates.status.${state}`)}
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <ButtonLink to={VERIFY_PATH} variant="secondary" className="button-wide">
        {t('certificates.verify.open')}
      </ButtonLink>
    </main>
  );
}
