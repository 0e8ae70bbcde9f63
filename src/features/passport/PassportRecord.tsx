import { useCourses, useWalkthroughs } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import type { Passport } from '../../protocol';

/** A verified passport shown as it is: who, issued by whom and when, and what they did. */
export function PassportRecord({ passport }: { passport: Passport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const courses = useCourses();
  const walkthroughs = useWalkthroughs();
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const day = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  const courseTitle = (id: string) =>
    courses?.find((course) => course.id === id)?.title[language] ?? id;
  const walkthroughTitle = (id: string) =>
    walkthroughs?.find((walkthrough) => walkthrough.id === id)?.title[language] ?? id;

  return (
    <article className="passport-record" aria-labelledby="passport-holder-name">
      <h3 id="passport-holder-name">{passport.holderName}</h3>
      <p className="passport-verified">
        {t('certificates.passport.verified', {
          issuer: passport.issuer.name,
          date: day(passport.issuedAt),
        })}
      </p>
      <h4>{t('certificates.passport.courses')}</h4>
      {passport.courses.length === 0 ? (
        <p className="muted">{t('certificates.passport.none')}</p>
      ) : (
        <ul className="passport-list">
          {passport.courses.map((course) => (
            <li key={course.courseId}>
              <span>{courseTitle(course.courseId)}</span>
              <strong>
                {course.passed
                  ? t('certificates.passport.passed')
                  : t('certificates.passport.lessons', { count: course.completedLessons.length })}
              </strong>
            </li>
          ))}
        </ul>
      )}
      {passport.walkthroughs.length > 0 && (
        <>
          <h4>{t('certificates.passport.walkthroughs')}</h4>
          <ul className="passport-list">
            {passport.walkthroughs.map((walkthrough) => (
              <li key={walkthrough.walkthroughId}>
                <span>{walkthroughTitle(walkthrough.walkthroughId)}</span>
                <strong>
                  {t('certificates.passport.practised', {
                    count: walkthrough.practiceRuns.length,
                  })}
                </strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {passport.certificates.length > 0 && (
        <>
          <h4>{t('certificates.passport.certificates')}</h4>
          <ul className="passport-list">
            {passport.certificates.map((certificate) => (
              <li key={certificate.id}>
                <span>{courseTitle(certificate.courseId)}</span>
                <strong>{day(certificate.issuedAt)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
