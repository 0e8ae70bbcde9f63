import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { VERIFY_LINK_ROUTE } from '../features/certificates/paths';
import { HomeScreen } from '../features/home/HomeScreen';
import { ProfilePicker } from '../features/profiles/ProfilePicker';
import type { IssuePassport } from '../features/passport/SavePassport';
import { FirstOpen } from '../features/welcome/FirstOpen';
import { openProfile } from '../features/profiles/openProfile';
import { CHECK_PATH, PASSPORT_ARRIVAL_PATH } from '../features/welcome/paths';
import { useSession } from '../state/session';
import { LoadingScreen } from '../ui/ScreenMessage';
import { Layout } from './Layout';
import { NotFoundScreen } from './NotFoundScreen';
import { lazyScreen } from '../ui/lazyScreen';

const CourseScreen = lazyScreen(() => import('../features/learn/CourseScreen'), 'CourseScreen');
const LessonScreen = lazyScreen(() => import('../features/learn/LessonScreen'), 'LessonScreen');
const QuizScreen = lazyScreen(() => import('../features/learn/QuizScreen'), 'QuizScreen');
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((module) => ({
    default: module.SettingsScreen,
  })),
);
const WalkthroughScreen = lazyScreen(
  () => import('../features/walkthroughs/WalkthroughScreen'),
  'WalkthroughScreen',
);
const PracticeScreen = lazyScreen(
  () => import('../features/walkthroughs/PracticeScreen'),
  'PracticeScreen',
);
const AccountScreen = lazyScreen(
  () => import('../features/account/AccountScreen'),
  'AccountScreen',
);
const AdminScreen = lazyScreen(() => import('../features/admin/AdminScreen'), 'AdminScreen');
const JoinScreen = lazyScreen(() => import('../features/account/JoinScreen'), 'JoinScreen');
const OrgScreen = lazyScreen(() => import('../features/orgs/OrgScreen'), 'OrgScreen');
const SignInCardsScreen = lazyScreen(
  () => import('../features/orgs/classroom/SignInCardsScreen'),
  'SignInCardsScreen',
);
const SessionScreen = lazyScreen(
  () => import('../features/orgs/classroom/attendance/SessionScreen'),
  'SessionScreen',
);
const SessionsScreen = lazyScreen(
  () => import('../features/orgs/classroom/attendance/SessionsScreen'),
  'SessionsScreen',
);
const SheetScreen = lazyScreen(
  () => import('../features/orgs/classroom/attendance/SheetScreen'),
  'SheetScreen',
);
const ProgressSheetScreen = lazyScreen(
  () => import('../features/orgs/assignments/ProgressSheetScreen'),
  'ProgressSheetScreen',
);
const ComplianceScreen = lazyScreen(
  () => import('../features/orgs/agency/ComplianceScreen'),
  'ComplianceScreen',
);
const ProvinceComplianceScreen = lazyScreen(
  () => import('../features/rollups/ProvinceComplianceScreen'),
  'ProvinceComplianceScreen',
);
const NationalComplianceScreen = lazyScreen(
  () => import('../features/rollups/NationalComplianceScreen'),
  'NationalComplianceScreen',
);
const AssignScreen = lazyScreen(
  () => import('../features/orgs/assignments/AssignScreen'),
  'AssignScreen',
);
const ClassCertificatesScreen = lazyScreen(
  () => import('../features/orgs/classroom/ClassCertificatesScreen'),
  'ClassCertificatesScreen',
);
const CommuneSummaryScreen = lazyScreen(
  () => import('../features/orgs/team/CommuneSummaryScreen'),
  'CommuneSummaryScreen',
);
const TeamRoutes = lazyScreen(() => import('../features/orgs/team/TeamRoutes'), 'TeamRoutes');
const NewProfileScreen = lazyScreen(
  () => import('../features/profiles/NewProfileScreen'),
  'NewProfileScreen',
);

// Loaded with the screens they serve: the first screen does not carry the download code.
const PackGate = lazy(() =>
  import('../features/content/PackGate').then((module) => ({ default: module.PackGate })),
);
const Downloads = lazyScreen(() => import('../features/content/Downloads'), 'Downloads');
const CarrySection = lazyScreen(() => import('../features/carry/CarrySection'), 'CarrySection');
const PassportSection = lazy(() =>
  import('../features/passport/PassportSection').then((module) => ({
    default: module.PassportSection,
  })),
);

/** A fresh progress passport from the server, its code loaded only when asked for. */
const issuePassport: IssuePassport = (profileId, holderName) =>
  import('../sync/passport').then((module) => module.issuePassport(profileId, holderName));

const PassportArrivalScreen = lazy(() =>
  import('../features/passport/PassportArrivalScreen').then((module) => ({
    default: module.PassportArrivalScreen,
  })),
);

/** A passport added on a phone with nobody on it yet: its learner opens, at home. */
function PassportArrival() {
  const navigate = useNavigate();
  const opened = async (profileId: string) => {
    void navigate('/', { replace: true });
    await openProfile(profileId);
  };
  return <PassportArrivalScreen onAdded={(profileId) => void opened(profileId)} />;
}

const CheckScreen = lazyScreen(() => import('../features/welcome/CheckScreen'), 'CheckScreen');

const CertificatesScreen = lazyScreen(
  () => import('../features/certificates/CertificatesScreen'),
  'CertificatesScreen',
);
const CertificateScreen = lazyScreen(
  () => import('../features/certificates/CertificateScreen'),
  'CertificateScreen',
);
const VerifyScreen = lazyScreen(
  () => import('../features/certificates/VerifyScreen'),
  'VerifyScreen',
);

/**
 * Until someone picks their profile, only the picker (or, on a phone with nobody on it yet,
 * the welcome), adding a profile and checking a certificate can be reached.
 */
function AppRoutes() {
  const profileId = useSession((s) => s.profileId);
  if (!profileId) {
    return (
      <Routes>
        <Route path="/profiles/new" element={<NewProfileScreen />} />
        <Route path="/verify" element={<VerifyScreen />} />
        <Route path={VERIFY_LINK_ROUTE} element={<VerifyScreen />} />
        <Route path={PASSPORT_ARRIVAL_PATH} element={<PassportArrival />} />
        <Route path="*" element={<FirstOpen />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/" element={<HomeScreen />} />
      <Route path="/profiles" element={<ProfilePicker />} />
      <Route path="/profiles/new" element={<NewProfileScreen />} />
      <Route path={CHECK_PATH} element={<CheckScreen />} />
      <Route
        path="/settings"
        element={
          <SettingsScreen>
            <Suspense fallback={null}>
              <PassportSection issue={issuePassport} />
              <Downloads />
              <CarrySection />
            </Suspense>
          </SettingsScreen>
        }
      />
      <Route path="/account" element={<AccountScreen />} />
      <Route path="/admin" element={<AdminScreen />} />
      <Route path="/join" element={<JoinScreen />} />
      <Route path="/orgs/:organisationId" element={<OrgScreen />} />
      <Route path="/orgs/:organisationId/cards" element={<SignInCardsScreen />} />
      <Route path="/orgs/:organisationId/certificates" element={<ClassCertificatesScreen />} />
      <Route path="/orgs/:organisationId/attendance" element={<SessionsScreen />} />
      <Route path="/orgs/:organisationId/attendance/new" element={<SessionScreen />} />
      <Route
        path="/orgs/:organisationId/attendance/sessions/:sessionId"
        element={<SessionScreen />}
      />
      <Route path="/orgs/:organisationId/attendance/sheet" element={<SheetScreen />} />
      <Route path="/orgs/:organisationId/assignments" element={<AssignScreen />} />
      <Route path="/orgs/:organisationId/assignments/progress" element={<ProgressSheetScreen />} />
      <Route path="/orgs/:organisationId/compliance" element={<ComplianceScreen />} />
      <Route path="/provinces/:code/compliance" element={<ProvinceComplianceScreen />} />
      <Route path="/compliance/national" element={<NationalComplianceScreen />} />
      <Route
        path="/courses/:courseId"
        element={
          <PackGate kind="course">
            <CourseScreen />
          </PackGate>
        }
      />
      <Route
        path="/courses/:courseId/lessons/:lessonId"
        element={
          <PackGate kind="course">
            <LessonScreen />
          </PackGate>
        }
      />
      <Route
        path="/courses/:courseId/quiz"
        element={
          <PackGate kind="course">
            <QuizScreen />
          </PackGate>
        }
      />
      <Route
        path="/walkthroughs/:walkthroughId"
        element={
          <PackGate kind="walkthrough">
            <WalkthroughScreen />
          </PackGate>
        }
      />
      <Route
        path="/walkthroughs/:walkthroughId/practice"
        element={
          <PackGate kind="walkthrough">
            <PracticeScreen />
          </PackGate>
        }
      />
      <Route path="/certificates" element={<CertificatesScreen />} />
      <Route path="/certificates/:courseId" element={<CertificateScreen />} />
      <Route path="/verify" element={<VerifyScreen />} />
      <Route path={VERIFY_LINK_ROUTE} element={<VerifyScreen />} />
      <Route path="/team/*" element={<TeamRoutes />} />
      <Route path="/communes/:code" element={<CommuneSummaryScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Layout>
        <Suspense fallback={<LoadingScreen />}>
          <AppRoutes />
        </Suspense>
      </Layout>
    </BrowserRouter>
  );
}
