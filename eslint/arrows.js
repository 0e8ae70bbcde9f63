import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The one-way arrows of DESIGN.md ("Parts"), checked on every relative import: each folder
 * names the folders it may import from. A type-only import of src/protocol is fine anywhere.
 * A feature reaches another feature only through the orgs core (src/features/orgs/*) or ui/.
 */
export const ARROWS = {
  'src/app': ['src/features', 'src/sync', 'src/data', 'src/state', 'src/ui', 'src/i18n', 'src/lib'],
  'src/features': [
    'src/api',
    'src/domain',
    'src/data',
    'src/state',
    'src/ui',
    'src/i18n',
    'src/lib',
  ],
  'src/sync': ['src/data', 'src/domain', 'src/protocol', 'src/lib'],
  'src/api': ['src/domain', 'src/protocol', 'src/lib'],
  'src/data': ['src/domain', 'src/protocol', 'src/lib'],
  'src/state': ['src/lib'],
  'src/ui': ['src/lib'],
  'src/i18n': ['src/lib', 'locales'],
  'src/lib': [],
  'src/domain': ['src/protocol', 'src/lib'],
  'src/protocol': ['src/domain', 'src/lib'],
  server: ['src/protocol', 'src/domain'],
};

/**
 * Wrong-way imports that were in the tree when the arrows were first enforced: file → the folders
 * it still reaches. Each goes when its file is fixed; none may be added. Most are the screens'
 * server clients, which live in src/sync and belong in src/api (the sync engine is being
 * rewritten on another branch), and features that reach another feature's pieces (readAloud,
 * profiles, learn, common) that belong in ui/ or a shared core.
 */
export const KNOWN_WRONG_WAY = {
  'src/features/account/AccountScreen.tsx': ['src/sync'],
  'src/features/account/ResetPasswordForm.tsx': ['src/protocol', 'src/sync'],
  'src/features/account/SignInForm.tsx': ['src/protocol', 'src/sync'],
  'src/features/account/useAccountAction.ts': ['src/sync'],
  'src/features/admin/AdminScreen.tsx': ['src/sync'],
  'src/features/admin/AuditLog.tsx': ['src/protocol', 'src/sync'],
  'src/features/admin/CreateAgencyForm.tsx': ['src/protocol', 'src/sync'],
  'src/features/admin/NameOfficialForm.tsx': ['src/sync'],
  'src/features/admin/RevokeCertificateForm.tsx': ['src/protocol', 'src/sync'],
  'src/features/admin/RotateKey.tsx': ['src/sync'],
  'src/features/certificates/RequestCertificate.tsx': ['src/sync'],
  'src/features/certificates/VerifyScreen.tsx': ['src/sync'],
  'src/features/common/useRecorder.ts': ['src/sync'],
  'src/features/home/AssignedCards.tsx': ['src/features/learn', 'src/features/walkthroughs'],
  'src/features/home/CheckCard.tsx': ['src/features/welcome'],
  'src/features/home/ContinueCard.tsx': ['src/features/learn'],
  'src/features/home/CourseCard.tsx': ['src/features/learn'],
  'src/features/home/HomeScreen.tsx': ['src/features/certificates', 'src/features/walkthroughs'],
  'src/features/home/NextStepCard.tsx': ['src/features/learn'],
  'src/features/learn/CourseScreen.tsx': ['src/features/content', 'src/features/readAloud'],
  'src/features/learn/LessonScreen.tsx': ['src/features/common', 'src/features/readAloud'],
  'src/features/learn/QuestionCard.tsx': ['src/features/readAloud'],
  'src/features/learn/QuizResult.tsx': ['src/features/certificates'],
  'src/features/learn/QuizScreen.tsx': ['src/features/common'],
  'src/features/orgs/CreateOrgForm.tsx': ['src/sync'],
  'src/features/orgs/FigureExports.tsx': ['src/sync'],
  'src/features/orgs/JoinCodePanel.tsx': ['src/protocol', 'src/sync'],
  'src/features/orgs/JoinForm.tsx': ['src/sync'],
  'src/features/orgs/OrgScreen.tsx': ['src/features/orgs/classroom', 'src/sync'],
  'src/features/orgs/ResetCode.tsx': ['src/sync'],
  'src/features/orgs/Roster.tsx': ['src/sync'],
  'src/features/orgs/SuperviseQuiz.tsx': ['src/sync'],
  'src/features/orgs/assignments/useSaveAssignment.ts': ['src/sync'],
  'src/features/orgs/assignments/AssignScreen.tsx': ['src/sync'],
  'src/features/orgs/assignments/AssignmentList.tsx': ['src/sync'],
  'src/features/orgs/assignments/ProgressSection.tsx': ['src/sync'],
  'src/features/orgs/classroom/ClassCertificatesScreen.tsx': ['src/features/certificates'],
  'src/features/orgs/classroom/RosterImport.tsx': ['src/protocol'],
  'src/features/orgs/classroom/SignInCardsScreen.tsx': ['src/protocol', 'src/sync'],
  'src/features/orgs/classroom/attendance/SessionScreen.tsx': ['src/sync'],
  'src/features/orgs/classroom/attendance/SheetScreen.tsx': ['src/sync'],
  'src/features/orgs/classroom/attendance/useCacheRoster.ts': ['src/sync'],
  'src/features/orgs/classroom/rosterApi.ts': ['src/protocol', 'src/sync'],
  'src/features/orgs/kinds.ts': [
    'src/features/orgs/agency',
    'src/features/orgs/classroom',
    'src/features/orgs/team',
  ],
  'src/features/orgs/learnerRoster.ts': ['src/sync'],
  'src/features/orgs/roster.ts': ['src/sync'],
  'src/features/orgs/PendingTeams.tsx': ['src/sync'],
  'src/features/orgs/team/CommuneSummaryScreen.tsx': ['src/sync'],
  'src/features/orgs/team/ConflictsScreen.tsx': ['src/sync'],
  'src/features/orgs/team/DashboardScreen.tsx': ['src/sync'],
  'src/features/orgs/team/UnlockForm.tsx': ['src/sync'],
  'src/features/orgs/team/VisitFields.tsx': ['src/protocol'],
  'src/features/orgs/team/VisitFormScreen.tsx': ['src/sync'],
  'src/features/orgs/team/VisitListScreen.tsx': ['src/sync'],
  'src/features/orgs/team/team.ts': ['src/sync'],
  'src/features/orgs/team/useTeamRequest.ts': ['src/sync'],
  'src/features/orgs/useMemberships.ts': ['src/sync'],
  'src/features/orgs/useOrgAction.ts': ['src/sync'],
  'src/features/orgs/useServerRead.ts': ['src/sync'],
  'src/features/profiles/ForgotPin.tsx': ['src/sync'],
  'src/features/readAloud/ReadAloudButton.tsx': ['src/features/settings'],
  'src/features/settings/DeleteProfile.tsx': ['src/features/profiles'],
  'src/features/settings/PinSettings.tsx': ['src/features/profiles'],
  'src/features/settings/SettingsScreen.tsx': [
    'src/features/certificates',
    'src/features/profiles',
  ],
  'src/features/walkthroughs/DoneForReal.tsx': ['src/features/common'],
  'src/features/walkthroughs/PracticeScreen.tsx': ['src/features/common'],
  'src/features/walkthroughs/PracticeStep.tsx': ['src/features/readAloud'],
  'src/features/walkthroughs/WalkthroughScreen.tsx': ['src/features/readAloud'],
  'src/features/welcome/CheckResult.tsx': ['src/features/learn', 'src/features/readAloud'],
  'src/features/welcome/CheckScreen.tsx': ['src/features/readAloud'],
  'src/features/welcome/FirstOpen.tsx': ['src/features/profiles'],
  'src/features/welcome/WelcomeScreen.tsx': ['src/features/profiles'],
  'src/i18n/language.ts': ['src/protocol'],
};

/** The folder of ARROWS a project path lies in (the longest that holds it), if any. */
function layerOf(path) {
  return Object.keys(ARROWS)
    .filter((layer) => path === layer || path.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** `learn` for src/features/learn/…, `orgs/team` for src/features/orgs/team/…, `orgs` for the core. */
function featureOf(path) {
  const parts = path.split('/').slice(2);
  if (parts[0] !== 'orgs') return parts[0];
  return parts.length > 2 ? `orgs/${parts[1]}` : 'orgs';
}

/** What every route table may share from routes/: the table itself, typed errors, versions. */
const ROUTES_SHARED = ['server/routes/table', 'server/routes/errors', 'server/routes/protocol'];

/**
 * Inside the server: routes call services, services call the database, never the other way;
 * a route table shares with another only through services or the routes' shared pieces.
 */
function serverWrongWay(from, to, known) {
  const folderOf = (path) => path.split('/')[1];
  const [mine, theirs] = [folderOf(from), folderOf(to)];
  const target = to.replace(/\.ts$/, '');
  if ((mine === 'services' || mine === 'db') && theirs === 'routes') {
    return known.includes('server/routes') ? null : `server/${mine} may not import server/routes`;
  }
  if (mine === 'db' && theirs === 'services') return 'server/db may not import services';
  const sharing = ROUTES_SHARED.includes(target) || from === 'server/routes/index.ts';
  if (mine === 'routes' && theirs === 'routes' && !sharing && !known.includes(target)) {
    return `${from} imports another area's routes (${target}): share through services or routes/table`;
  }
  return null;
}

function wrongWay(from, to, knownWrongWay) {
  const known = knownWrongWay[from] ?? [];
  if (from.startsWith('server/') && to.startsWith('server/'))
    return serverWrongWay(from, to, known);
  const fromLayer = layerOf(from);
  if (!fromLayer) return null;
  const toLayer =
    layerOf(to) ??
    to
      .split('/')
      .slice(0, to.startsWith('src/') ? 2 : 1)
      .join('/');
  if (fromLayer === 'src/features' && toLayer === 'src/features') {
    const [mine, theirs] = [featureOf(from), featureOf(to)];
    if (mine === theirs || theirs === 'orgs' || mine.startsWith(`${theirs}/`)) return null;
    if (known.includes(`src/features/${theirs}`)) return null;
    return `features/${mine} reaches features/${theirs}: go through the orgs core or ui/`;
  }
  if (fromLayer === toLayer || ARROWS[fromLayer].includes(toLayer)) return null;
  if (known.includes(toLayer)) return null;
  return `${fromLayer} may not import ${toLayer} (DESIGN.md arrows: ${fromLayer} → ${
    ARROWS[fromLayer].join(', ') || 'nothing'
  })`;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the one-way arrows of DESIGN.md' },
    // The wrong-way imports to let pass (KNOWN_WRONG_WAY): file → the folders it still reaches.
    schema: [
      {
        type: 'object',
        properties: {
          known: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const knownWrongWay = context.options[0]?.known ?? {};
    const from = relative(ROOT, context.filename).split(sep).join('/');
    function check(node, source, typeOnly) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = relative(ROOT, resolve(dirname(context.filename), source))
        .split(sep)
        .join('/');
      if (typeOnly && layerOf(to) === 'src/protocol') return;
      const problem = wrongWay(from, to, knownWrongWay);
      if (problem) context.report({ node, message: problem });
    }
    const typeOnlyImport = (node) =>
      node.importKind === 'type' ||
      (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export const arrowsPlugin = { rules: { arrows: rule } };
