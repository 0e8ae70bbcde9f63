import { lazy, Suspense } from 'react';
import { nextStep, readFirstPath, sortForBeginner } from '../../domain/firstPath';
import { useCourses, useProfile, useProfileProgress, useResumes } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Notice } from '../../ui/Notice';
import type { CourseOutline } from '../../protocol/content';
import type { CourseProgress } from '../../domain/progress';
import { AssignedCards } from './AssignedCards';
import { CourseCard } from './CourseCard';
import { CheckCard } from './CheckCard';
import { NextStepCard } from './NextStepCard';
import { WalkthroughCards } from '../walkthroughs/WalkthroughCards';
import { ButtonLink } from '../../ui/ButtonLink';
import { CERTIFICATES_PATH } from '../certificates/paths';
import { useIsAgencyStaff } from '../orgs/finishedProgrammes';

// Only people in a class, team or agency see it; its code loads apart from the first screen.
const MyOrganisations = lazy(() =>
  import('../orgs/MyOrganisations').then((module) => ({ default: module.MyOrganisations })),
);

export function HomeScreen() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const content = useSession((s) => s.content);
  const profile = useProfile(profileId);
  const installed = useCourses();
  const progress = useProfileProgress(profileId);
  const resumes = useResumes(profileId);
  const staff = useIsAgencyStaff(profileId);
  const courses = installed && sortForBeginner(installed);
  const forEveryone = courses?.filter((course) => course.audience !== 'officials') ?? [];
  const forOfficials = courses?.filter((course) => course.audience === 'officials') ?? [];
  const firstPath = profile ? readFirstPath(profile.firstPath) : undefined;
  const found =
    courses && progress && resumes
      ? nextStep(courses, progress, resumes, firstPath?.suggested)
      : undefined;
  // Agency staff: the mandatory programme leads, then the officials' courses; a citizen's next
  // step (a course for everyone) and the beginner's check are not for them at work.
  const step = staff && found?.course.audience !== 'officials' ? undefined : found;
  // Someone who never took the check and has not begun: offer it (a returning learner is not asked).
  const offerCheck = !staff && firstPath === null && progress?.size === 0 && resumes?.size === 0;
  const officials = forOfficials.length > 0 && (
    <section aria-labelledby="courses-for-officials">
      <h2 id="courses-for-officials">{t('learn.home.forOfficials')}</h2>
      <p className="muted">{t('learn.home.forOfficialsIntro')}</p>
      <CourseList courses={forOfficials} progress={progress} />
    </section>
  );

  return (
    <main className="screen">
      {content.phase === 'failed' && (
        <Notice tone="warning">{t('learn.home.installFailed')}</Notice>
      )}
      <AssignedCards />
      {step && (
        <NextStepCard
          step={step}
          progress={progress?.get(step.course.id)}
          resume={resumes?.get(step.course.id)}
        />
      )}
      {offerCheck && <CheckCard />}
      <Suspense fallback={null}>
        <MyOrganisations />
      </Suspense>
      {staff && officials}
      <h1>{t('learn.home.title')}</h1>
      {courses?.length === 0 && content.phase === 'ready' && <p>{t('learn.home.empty')}</p>}
      <CourseList courses={forEveryone} progress={progress} />
      <WalkthroughCards />
      {!staff && officials}
      <ButtonLink to={CERTIFICATES_PATH} variant="secondary" className="button-wide">
        {t('certificates.open')}
      </ButtonLink>
    </main>
  );
}

function CourseList({
  courses,
  progress,
}: {
  courses: readonly CourseOutline[];
  progress: Map<string, CourseProgress> | undefined;
}) {
  return (
    <ul className="card-list">
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} progress={progress?.get(course.id)} />
        </li>
      ))}
    </ul>
  );
}
