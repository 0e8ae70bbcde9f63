import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  QD757_SKILLS,
  TT02_AREAS,
  type Course,
  type CourseSource,
} from '../../src/protocol/index.ts';
import { compileContent, readContentSources } from './compile.ts';

/** DigComp 2.2: the five areas and their 21 competences. */
export const DIGCOMP: Record<string, string> = {
  '1': 'Information and data literacy',
  '1.1': 'Browsing, searching and filtering data, information and digital content',
  '1.2': 'Evaluating data, information and digital content',
  '1.3': 'Managing data, information and digital content',
  '2': 'Communication and collaboration',
  '2.1': 'Interacting through digital technologies',
  '2.2': 'Sharing through digital technologies',
  '2.3': 'Engaging in citizenship through digital technologies',
  '2.4': 'Collaborating through digital technologies',
  '2.5': 'Netiquette',
  '2.6': 'Managing digital identity',
  '3': 'Digital content creation',
  '3.1': 'Developing digital content',
  '3.2': 'Integrating and re-elaborating digital content',
  '3.3': 'Copyright and licences',
  '3.4': 'Programming',
  '4': 'Safety',
  '4.1': 'Protecting devices',
  '4.2': 'Protecting personal data and privacy',
  '4.3': 'Protecting health and well-being',
  '4.4': 'Protecting the environment',
  '5': 'Problem solving',
  '5.1': 'Solving technical problems',
  '5.2': 'Identifying needs and technological responses',
  '5.3': 'Creatively using digital technologies',
  '5.4': 'Identifying digital competence gaps',
};

/** The national frameworks, looked up by the codes in course files. */
const TT02: Record<string, string> = TT02_AREAS;
const QD757: Record<string, string> = QD757_SKILLS;

const DIGCOMP_COMPETENCES = Object.keys(DIGCOMP).filter((code) => code.includes('.'));

/**
 * The courses written for cán bộ, công chức, viên chức (issue 13), by the topic each one teaches.
 * The table fails to build if a course is renamed or removed, or if a course marked
 * `audience: officials` is missing here.
 */
export const COURSES_FOR_OFFICIALS: readonly (readonly [topic: string, courseId: string])[] = [
  ['Digital government and the shared platforms', 'digital-government-work'],
  ['Electronic documents and digital signatures', 'e-documents-signatures'],
  ['Information security and duties under Law 91/2025/QH15', 'official-data-security'],
  ['Using AI at work responsibly', 'ai-at-work'],
  ['Helping citizens with online public services', 'helping-citizens-online'],
];

function officialsSection(courses: CourseSource[]): string[] {
  const listed = new Set(COURSES_FOR_OFFICIALS.map(([, id]) => id));
  const unlisted = courses.find((c) => c.audience === 'officials' && !listed.has(c.id));
  if (unlisted) throw new Error(`"${unlisted.id}" is for officials but has no topic here`);
  const rows = COURSES_FOR_OFFICIALS.map(([topic, id]) => {
    const course = courses.find((c) => c.id === id);
    if (course?.audience !== 'officials') {
      throw new Error(`COURSES_FOR_OFFICIALS names "${id}", which is not a course for officials`);
    }
    return `- ${topic}: ${course.title.vi} (\`${id}\`)`;
  });
  return [
    '## Courses for cán bộ, công chức, viên chức',
    '',
    "Decision 757/QĐ-BKHCN's framework (version 1.0) is aimed at four groups, one of them cán bộ, công chức, viên chức and other workers in state agencies (Lào Cai digital transformation portal). That group's skill list could not be found in the stored copies searched, which showed only the Decision's opening articles (LuatVietnam, hethongphapluat.com), so these courses are mapped to DigComp 2.2, Circular 02/2025 and the confirmed citizens' skills above, not to the officials' framework item by item. They teach the topics issue 13 names:",
    '',
    ...rows,
    '',
    "Not taught by these courses (whether the officials' framework asks for them is unconfirmed): office software (documents, spreadsheets, slides), online meetings, reporting and data analysis, and the exact screens of any province's systems: each province runs its own software, so the lessons teach the general skill and say so. These courses are marked `audience: officials`: the app lists them under their own heading, after the courses for everyone, and never suggests them to a citizen as the next step.",
    '',
  ];
}

const courseCount = (n: number) => `${n} course${n === 1 ? '' : 's'}`;

const sortCodes = (codes: readonly string[]) =>
  [...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

function gaps(
  label: string,
  all: readonly string[],
  covered: Set<string>,
  name: (c: string) => string,
) {
  const missing = all.filter((code) => !covered.has(code));
  return missing.length === 0
    ? [`- ${label}: none`]
    : [`- ${label}: ${missing.map((code) => `${code} ${name(code)}`).join('; ')}`];
}

/** The coverage table: every course against DigComp 2.2, Circular 02/2025 and Decision 757. */
export function coverageTable(courses: CourseSource[]): string {
  const sorted = [...courses].sort((a, b) => a.id.localeCompare(b.id));
  const rows = sorted.map((course) => {
    const digcomp = sortCodes(course.digcomp).map((c) => `${c} ${DIGCOMP[c]}`);
    const tt02 = sortCodes(course.tt02).map((a) => `${a} ${TT02[a]}`);
    const qd757 = sortCodes(course.qd757).map((s) => `${s} ${QD757[s]}`);
    return `| ${course.title.vi} (\`${course.id}\`) | ${digcomp.join('; ')} | ${tt02.join('; ')} | ${qd757.join('; ') || '—'} | ${course.lastChecked} |`;
  });
  const used = (pick: (course: CourseSource) => readonly string[]) => new Set(sorted.flatMap(pick));
  const digcompAreas = used((c) => c.digcomp.map((code) => code.split('.')[0]!));
  const areaCount = (area: string) =>
    sorted.filter((c) => c.digcomp.some((d) => d.startsWith(`${area}.`))).length;
  const tt02Count = (area: string) => sorted.filter((c) => c.tt02.some((a) => a === area)).length;
  return [
    '# Course coverage: DigComp 2.2, Circular 02/2025/TT-BGDĐT and Decision 757/QĐ-BKHCN',
    '',
    'Generated by `npm run content:coverage` from the course files; a test fails when it is out of date.',
    '',
    '- DigComp 2.2: the European framework, 5 areas and 21 competences.',
    '- Circular 02/2025/TT-BGDĐT (Ministry of Education and Training, in force 11/3/2025): the digital competence framework for learners, 6 areas including applying AI, 24 competences. The six area names are confirmed (Báo Gia Lai, 2025-03); the names of the 24 competences could not be confirmed from a published copy, so courses are mapped at area level only.',
    '- Decision 757/QĐ-BKHCN (Ministry of Science and Technology, 29/4/2025): the basic digital knowledge and skills framework, version 1.0, for citizens. Only the skills of group 0 (devices and software) and group 1 (information) could be confirmed with their codes and names: they appear in the version 1.0 framework for citizens described under Decision 757 (congdansobac.vn) and in Official Letter 3139/BTTTT-KTS&XHS (Thư viện Pháp luật, 27/8/2024). The other groups are left out until someone checks them against the Decision itself.',
    '',
    '| course | DigComp 2.2 competences | TT 02/2025 areas | QĐ 757 skills (confirmed) | last checked |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...officialsSection(sorted),
    '## DigComp 2.2 areas',
    '',
    ...['1', '2', '3', '4', '5'].map(
      (a) =>
        `- ${a} ${DIGCOMP[a]}: ${digcompAreas.has(a) ? courseCount(areaCount(a)) : 'NOT COVERED'}`,
    ),
    '',
    '## Circular 02/2025/TT-BGDĐT areas',
    '',
    ...Object.entries(TT02).map(
      ([a, name]) => `- ${a} ${name}: ${tt02Count(a) ? courseCount(tt02Count(a)) : 'NOT COVERED'}`,
    ),
    '',
    '## Gaps',
    '',
    ...gaps(
      'DigComp 2.2 competences no course builds',
      DIGCOMP_COMPETENCES,
      used((c) => c.digcomp),
      (c) => DIGCOMP[c]!,
    ),
    ...gaps(
      'Circular 02/2025 areas no course builds',
      Object.keys(TT02),
      used((c) => c.tt02),
      (a) => TT02[a]!,
    ),
    ...gaps(
      'Decision 757 confirmed skills no course builds',
      Object.keys(QD757),
      used((c) => c.qd757),
      (s) => QD757[s]!,
    ),
    '',
  ].join('\n');
}

export const COVERAGE_FILE = 'COVERAGE.md';

export function coursesOf(contentDir: string): Course[] {
  return compileContent(contentDir).flatMap((compiled) => compiled.pack.courses);
}

export function courseSourcesOf(contentDir: string): CourseSource[] {
  return readContentSources(contentDir).courses;
}

if (process.argv[1]?.endsWith('coverage.ts')) {
  const contentDir = join(process.cwd(), 'content');
  coursesOf(contentDir); // the whole content must compile before its table is written
  writeFileSync(join(contentDir, COVERAGE_FILE), coverageTable(courseSourcesOf(contentDir)));
  console.log(`Wrote content/${COVERAGE_FILE}`);
}
