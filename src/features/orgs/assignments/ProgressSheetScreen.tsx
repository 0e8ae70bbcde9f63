import { useParams } from 'react-router';
import { exportMoment, localText } from '../../../domain/exportCells';
import { useTranslation } from '../../../i18n';
import type { AssignmentProgress } from '../../../protocol';
import { assignmentProgress, assignmentProgressFile } from '../../../api/assignmentProgress';
import { Button } from '../../../ui/Button';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { useAssignableItems, itemKey } from '../assignableItems';
import { assignmentsPath } from '../assignmentPaths';
import { FigureExports } from '../FigureExports';
import { compareNames, formatDate } from '../format';
import { useServerRead } from '../useServerRead';
import { MissedQuestions, statusWords } from './ProgressSection';
import '../../../ui/printPage.css';
import './progressSheet.css';

type Status = AssignmentProgress['assignments'][number]['statuses'][number]['status'];

/**
 * The progress table to print: learners down, assigned items across, each cell the learner's
 * status (and the day it was done), with the questions most missed under it; the same table
 * downloads as CSV or Excel. From what has synced, so it needs the connection.
 */
export function ProgressSheetScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const items = useAssignableItems();
  const { state } = useServerRead(
    (token) => assignmentProgress(token, organisationId),
    [organisationId],
  );
  if (state.phase === 'loading' || !items) return <LoadingScreen />;
  const back = (
    <ButtonLink to={assignmentsPath(organisationId)} variant="secondary" className="print-hide">
      {t('orgs.assign.progress.backToAssign')}
    </ButtonLink>
  );
  if (state.phase !== 'ready') {
    return (
      <main className="screen">
        <h1>{t('orgs.assign.progress.sheetTitle')}</h1>
        <Notice tone="warning">{t('orgs.roster.needsOnline')}</Notice>
        {back}
      </main>
    );
  }
  const { asOf, learners, assignments } = state.data;
  const title = (row: (typeof assignments)[number]) =>
    items.get(itemKey(row.item))?.title ?? row.item.id;
  const statusOf = new Map(
    assignments.map((row) => [row.id, new Map(row.statuses.map((s) => [s.accountId, s.status]))]),
  );
  const sorted = [...learners].sort((a, b) => compareNames(a.displayName, b.displayName));
  return (
    <main className="screen print-page">
      <h1>{t('orgs.assign.progress.sheetTitle')}</h1>
      <p className="muted">
        {t('orgs.assign.progress.asOf', { time: localText(exportMoment(asOf)) })}
      </p>
      <div
        className="progress-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('orgs.assign.progress.sheetTitle')}
      >
        <table className="progress-sheet">
          <thead>
            <tr>
              <th scope="col">{t('orgs.assign.progress.learnerColumn')}</th>
              {assignments.map((row) => (
                <th scope="col" key={row.id}>
                  {title(row)}
                  {row.dueDate && (
                    <>
                      <br />
                      {t('orgs.assign.dueOn', { date: formatDate(row.dueDate) })}
                    </>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((learner) => (
              <tr key={learner.accountId} data-learner={learner.displayName}>
                <th scope="row">{learner.displayName}</th>
                {assignments.map((row) => (
                  <Cell key={row.id} status={statusOf.get(row.id)!.get(learner.accountId)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {assignments.map(
        (row) =>
          row.missed.length > 0 && (
            <section key={row.id}>
              <h2>{t('orgs.assign.progress.missedTitle', { title: title(row) })}</h2>
              <MissedQuestions row={row} />
            </section>
          ),
      )}
      <div className="print-hide progress-actions">
        <Button onClick={() => window.print()}>{t('orgs.assign.progress.print')}</Button>
        <FigureExports
          fetchFile={(token, format) => assignmentProgressFile(token, organisationId, format)}
          fileName={(format) => `tien-do.${format}`}
        />
        {back}
      </div>
    </main>
  );
}

/** One learner's status with one item; empty when the item is not for them. */
function Cell({ status }: { status: Status | undefined }) {
  const { t } = useTranslation();
  if (!status) return <td />;
  const words = statusWords(status);
  return <td className={`progress-${status.kind}`}>{t(words.key, { date: words.date })}</td>;
}
