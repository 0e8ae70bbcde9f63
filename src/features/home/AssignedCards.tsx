import { Link } from 'react-router';
import { useAssignmentRows, useOrgMemberships } from '../../data/assignmentHooks';
import { useCredentials, useProfileProgress, useWalkthroughProgressAll } from '../../data/hooks';
import {
  assignmentStatus,
  courseStandings,
  exemptionsOf,
  isProgramme,
  programmeStanding,
  standingAssignments,
  type AssignmentStatus,
  type Programme,
} from '../../domain/assignments';
import { vietnamDay } from '../../domain/vietnamTime';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { coursePath } from '../learn/paths';
import { itemKey, useAssignableItems } from '../orgs/assignableItems';
import { mayAssign } from '../orgs/assignmentPaths';
import { formatDate } from '../orgs/format';
import { walkthroughPath } from '../walkthroughs/paths';
import './AssignedCards.css';

/**
 * What the open profile's teacher or agency gave them, first on the home screen: who gave it,
 * what, by when, and where they stand ("overdue" in plain words). From the phone, so offline
 * too; on a shared phone only the open profile's account's assignments show.
 */
export function AssignedCards() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  const accountId = credentials?.accountId ?? '';
  const memberships = useOrgMemberships(accountId);
  const rows = useAssignmentRows(accountId);
  const items = useAssignableItems();
  const courses = useProfileProgress(profileId);
  const walkthroughs = useWalkthroughProgressAll(profileId);
  if (!memberships || !rows || !items || !courses || !walkthroughs) return null;
  // Where the account learns; where it teaches, its assignments are for others.
  const learnsIn = new Set(
    memberships.organisations
      .filter((o) => !mayAssign(o.kind, o.role))
      .map((o) => o.organisationId),
  );
  const held = rows.filter((row) => learnsIn.has(row.organisationId) && row.state === 'stored');
  const standing = standingAssignments(held, accountId);
  // A programme is mandatory: it comes first, before the rest of the assigned work.
  const mine = [
    ...standing.filter(({ record }) => isProgramme(record)),
    ...standing.filter(({ record }) => !isProgramme(record)),
  ];
  if (mine.length === 0) return null;
  const exemptions = exemptionsOf(held);
  const standings = courseStandings(courses);
  const today = vietnamDay(new Date());
  const courseTitle = (id: string) => items.get(itemKey({ kind: 'course', id }))?.title ?? id;
  return (
    <section aria-labelledby="assigned-title" className="assigned">
      <h2 id="assigned-title">{t('learn.assigned.title')}</h2>
      <ul className="card-list">
        {mine.map(({ record, madeBy }) => {
          if (isProgramme(record)) {
            return (
              <ProgrammeCard
                key={record.id}
                programme={record}
                exemption={exemptions.get(record.id)?.get(accountId)}
                courses={standings}
                today={today}
                courseTitle={courseTitle}
              />
            );
          }
          const { item } = record;
          const status = assignmentStatus(
            record,
            item.kind === 'course'
              ? { kind: 'course', progress: courses.get(item.id) }
              : { kind: 'walkthrough', progress: walkthroughs.get(item.id) },
            today,
          );
          const title = items.get(itemKey(item))?.title ?? item.id;
          const heading = t('learn.assigned.from', { name: madeBy.displayName, title });
          const words = statusWords(status);
          return (
            <li key={record.id}>
              <Link
                to={item.kind === 'course' ? coursePath(item.id) : walkthroughPath(item.id)}
                className={`card assigned-card assigned-${status.kind}`}
              >
                <span className="card-title">
                  {record.dueDate
                    ? t('learn.assigned.withDue', {
                        heading,
                        date: formatDate(record.dueDate).slice(0, 5),
                      })
                    : heading}
                </span>
                <span className="card-meta">{t(words.key, { date: words.date })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface ProgrammeCardProps {
  programme: Programme;
  exemption: string | undefined;
  courses: Parameters<typeof programmeStanding>[1];
  today: string;
  courseTitle: (id: string) => string;
}

/**
 * "Bắt buộc — hạn 31/03: <programme>", with the courses still to master; it opens the first
 * of them (or the first course, once all are done).
 */
function ProgrammeCard({ programme, exemption, courses, today, courseTitle }: ProgrammeCardProps) {
  const { t } = useTranslation();
  const standing = programmeStanding(programme, courses, exemption, today);
  const { status } = standing;
  const title = programme.item.title;
  const next = standing.remaining[0] ?? programme.item.courses[0]!;
  const meta =
    status.kind === 'exempt'
      ? t('learn.assigned.exempt', { reason: status.reason })
      : status.kind === 'done'
        ? t('learn.assigned.done', { date: formatDate(status.day) })
        : t('learn.assigned.remaining', {
            count: standing.remaining.length,
            courses: standing.remaining.map(courseTitle).join(', '),
          });
  return (
    <li>
      <Link to={coursePath(next)} className={`card assigned-card assigned-${status.kind}`}>
        <span className="card-title">
          {standing.dueDate
            ? t('learn.assigned.required', {
                title,
                date: formatDate(standing.dueDate).slice(0, 5),
              })
            : t('learn.assigned.requiredNoDue', { title })}
        </span>
        <span className="card-meta">{meta}</span>
        {status.kind === 'overdue' && (
          <span className="card-meta">
            {t(status.started ? 'learn.assigned.overdueStarted' : 'learn.assigned.overdue')}
          </span>
        )}
      </Link>
    </li>
  );
}

/** The words for a status, and the day it was done. */
function statusWords(status: AssignmentStatus) {
  switch (status.kind) {
    case 'done':
      return { key: 'learn.assigned.done', date: formatDate(status.day) } as const;
    case 'overdue':
      return {
        key: status.started ? 'learn.assigned.overdueStarted' : 'learn.assigned.overdue',
      } as const;
    case 'in_progress':
      return { key: 'learn.assigned.inProgress' } as const;
    case 'not_started':
    case 'exempt':
      return { key: 'learn.assigned.notStarted' } as const;
  }
}
