import { Link } from 'react-router';
import { useAssignmentRows, useOrgMemberships } from '../../data/assignmentHooks';
import { useCredentials, useProfileProgress, useWalkthroughProgressAll } from '../../data/hooks';
import {
  assignmentStatus,
  standingAssignments,
  vietnamDay,
  type AssignmentStatus,
} from '../../domain/assignments';
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
  const mine = standingAssignments(
    rows.filter((row) => learnsIn.has(row.organisationId) && row.state === 'stored'),
    accountId,
  );
  if (mine.length === 0) return null;
  const today = vietnamDay(new Date());
  return (
    <section aria-labelledby="assigned-title" className="assigned">
      <h2 id="assigned-title">{t('learn.assigned.title')}</h2>
      <ul className="card-list">
        {mine.map(({ record, madeBy }) => {
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
      return { key: 'learn.assigned.notStarted' } as const;
  }
}
