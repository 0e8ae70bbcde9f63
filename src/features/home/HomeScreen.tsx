import { lazy, Suspense } from 'react';
import { courseToContinue } from '../../domain/course';
import { useCourses, useProfileProgress, useResumes } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { CourseCard } from './CourseCard';
import { ContinueCard } from './ContinueCard';
import { WalkthroughCards } from '../walkthroughs/WalkthroughCards';
import { ButtonLink } from '../../ui/ButtonLink';
import { CERTIFICATES_PATH } from '../certificates/paths';

// Only people in a class, team or agency see it; its code loads apart from the first screen.
const MyOrganisations = lazy(() =>
  import('../orgs/MyOrganisations').then((module) => ({ default: module.MyOrganisations })),
);

export function HomeScreen() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const content = useSession((s) => s.content);
  const courses = useCourses();
  const progress = useProfileProgress(profileId);
  const resumes = useResumes(profileId);
  const toContinue =
    courses && progress && resumes ? courseToContinue(courses, progress, resumes) : undefined;

  return (
    <main className="screen">
      {content.phase === 'installing' && (
        <div className="install">
          <p>{t('learn.home.installing')}</p>
          <ProgressBar
            value={content.loadedBytes}
            max={content.totalBytes}
            label={t('learn.home.installing')}
          />
        </div>
      )}
      {content.phase === 'failed' && (
        <Notice tone="warning">{t('learn.home.installFailed')}</Notice>
      )}
      {toContinue && (
        <ContinueCard
          course={toContinue}
          progress={progress?.get(toContinue.id)}
          resume={resumes?.get(toContinue.id)}
        />
      )}
      <Suspense fallback={null}>
        <MyOrganisations />
      </Suspense>
      <h1>{t('learn.home.title')}</h1>
      {courses?.length === 0 && content.phase === 'ready' && <p>{t('learn.home.empty')}</p>}
      <ul className="card-list">
        {courses?.map((course) => (
          <li key={course.id}>
            <CourseCard course={course} progress={progress?.get(course.id)} />
          </li>
        ))}
      </ul>
      <WalkthroughCards />
      <ButtonLink to={CERTIFICATES_PATH} variant="secondary" className="button-wide">
        {t('certificates.open')}
      </ButtonLink>
    </main>
  );
}
