import type { CertificateRow } from '../../data/rows';
import type { CourseOutline } from '../../protocol/content';
import type { Language } from '../../protocol/languages';

/** The course's title in the language, a programme's title, else the achievement name in the credential, else its id. */
export function courseTitle(
  row: CertificateRow,
  course: CourseOutline | undefined | null,
  language: Language,
): string {
  if (course) return course.title[language];
  if (row.programme) return row.programme.title;
  const credential = row.credential as { credentialSubject?: { achievement?: { name?: unknown } } };
  const name = credential?.credentialSubject?.achievement?.name;
  return typeof name === 'string' ? name : row.courseId;
}

export type CertificateState = 'waiting' | 'signed' | 'revoked';

export function certificateState(row: CertificateRow): CertificateState {
  if (row.status === 'waiting') return 'waiting';
  return row.revoked ? 'revoked' : 'signed';
}
