import { useEffect } from 'react';
import { useCourses } from '../../../data/hooks';
import { useTranslation } from '../../../i18n';
import type { AssignmentProgress } from '../../../protocol';
import { createOrgApi } from '../../../sync/orgApi';
import { exportMoment, localText } from '../../../domain/exportCells';
import { compareNames, formatDate } from '../format';
import { useServerRead } from '../useServerRead';
import { itemKey, type AssignableItem } from '../assignableItems';
import { progressSheetPath } from '../assignmentPaths';
import { ButtonLink } from '../../../ui/ButtonLink';

type Row = AssignmentProgress['assignments'][number];
type Status = Row['statuses'][number]['status'];

/**
 * Where each learner stands with each standing assignment, and the quiz questions most missed,
 * from what their phones have synced (the server's answer, so online only), saying as of when.
 */
export function ProgressSection({
  organisationId,
  items,
}: {
  organisationId: string;
  items: Map<string, AssignableItem>;
}) {
  const { t } = useTranslation();
  const { state } = useServerRead(
    (token) => createOrgApi(window.location.origin).assignmentProgress(token, organisationId),
    [organisationId],
  );
  // For `npm run bench`: when the table is drawn from the server's answer.
  useEffect(() => {
    if (state.phase === 'ready') performance.mark('assignment-progress-rendered');
  }, [state.phase]);
  if (state.phase !== 'ready') return null;
  const { asOf, learners, assignments } = state.data;
  // Vietnam's time, as the due and done days are.
  const moment = (iso: string) => localText(exportMoment(iso));
  const nameOf = new Map(learners.map((l) => [l.accountId, l]));
  const byName = (statuses: Row['statuses']) =>
    [...statuses].sort((a, b) =>
      compareNames(
        nameOf.get(a.accountId)?.displayName ?? '',
        nameOf.get(b.accountId)?.displayName ?? '',
      ),
    );
  return (
    <section aria-labelledby="assignment-progress">
      <h2 id="assignment-progress">{t('orgs.assign.progress.title')}</h2>
      <p className="muted">{t('orgs.assign.progress.asOf', { time: moment(asOf) })}</p>
      {assignments.map((row) => (
        <details key={row.id} className="card">
          <summary className="card-title">
            {row.item.kind === 'programme'
              ? row.item.title
              : (items.get(itemKey(row.item))?.title ?? row.item.id)}
            {' — '}
            {t('orgs.assign.progress.doneCount', {
              done: row.statuses.filter((s) => s.status.kind === 'done').length,
              total: row.statuses.length,
            })}
          </summary>
          <ul>
            {byName(row.statuses).map(({ accountId, status }) => {
              const learner = nameOf.get(accountId);
              const words = statusWords(status);
              return (
                <li key={accountId}>
                  {t('orgs.assign.progress.learner', {
                    name: learner?.displayName ?? '',
                    status: t(words.key, { date: words.date, reason: words.reason }),
                    synced: learner?.lastSyncedAt
                      ? t('orgs.assign.progress.synced', { time: moment(learner.lastSyncedAt) })
                      : t('orgs.assign.progress.neverSynced'),
                  })}
                </li>
              );
            })}
          </ul>
          <MissedQuestions row={row} />
        </details>
      ))}
      {assignments.length > 0 && (
        <ButtonLink
          to={progressSheetPath(organisationId)}
          variant="secondary"
          className="button-wide"
        >
          {t('orgs.assign.progress.sheetLink')}
        </ButtonLink>
      )}
    </section>
  );
}

export function MissedQuestions({ row }: { row: Row }) {
  const { t } = useTranslation();
  const courses = useCourses();
  if (row.missed.length === 0) return null;
  const questions = courses?.find((c) => c.id === row.item.id)?.quiz.questions ?? [];
  return (
    <ul>
      {row.missed.map(({ questionId, learners }) => (
        <li key={questionId}>
          {t('orgs.assign.progress.missed', {
            learners,
            total: row.statuses.length,
            question: questions.findIndex((q) => q.id === questionId) + 1 || questionId,
          })}
        </li>
      ))}
    </ul>
  );
}

/** The words for a learner's status, and the day it was done. */
export function statusWords(status: Status) {
  switch (status.kind) {
    case 'done':
      return { key: 'orgs.assign.status.done', date: formatDate(status.day) } as const;
    case 'overdue':
      return {
        key: status.started ? 'orgs.assign.status.overdueStarted' : 'orgs.assign.status.overdue',
      } as const;
    case 'in_progress':
      return { key: 'orgs.assign.status.in_progress' } as const;
    case 'not_started':
      return { key: 'orgs.assign.status.not_started' } as const;
    case 'exempt':
      return { key: 'orgs.assign.status.exempt', reason: status.reason } as const;
  }
}
