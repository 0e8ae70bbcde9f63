import { useState } from 'react';
import { useParams } from 'react-router';
import { exempt, type Maker } from '../../../data/assignments';
import { useCredentials } from '../../../data/hooks';
import { exportMoment, localText } from '../../../domain/exportCells';
import { useTranslation } from '../../../i18n';
import { complianceFile, complianceReport } from '../../../api/agency';
import { bestScoresText, complianceStatuses } from '../../../domain/compliance';
import type { ComplianceQuery, ComplianceRow, ComplianceStatus } from '../../../protocol';
import { useSession } from '../../../state/session';
import { Button } from '../../../ui/Button';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { FigureExports } from '../FigureExports';
import { formatDate } from '../format';
import { rosterPath } from '../kinds';
import { useServerRead } from '../useServerRead';
import './ComplianceScreen.css';

const ALL = 'all';

/**
 * The agency admin's compliance report: each staff member and programme, with status (derived
 * on the server from what their phones synced, the due date and today), progress, due and
 * completion dates and last activity; filtered by unit and status, downloaded as CSV or Excel.
 * An admin exempts someone here, with a reason: kept on the phone and sent by the sync engine
 * like any assignment record.
 */
export function ComplianceScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  const [unit, setUnit] = useState(ALL);
  const [status, setStatus] = useState<ComplianceStatus | typeof ALL>(ALL);
  const [dueFrom, setDueFrom] = useState('');
  const [dueTo, setDueTo] = useState('');
  // A range typed backwards asks for nothing the server would refuse: its end is left out.
  const dueRange = dueFrom && dueTo && dueTo < dueFrom ? { dueFrom } : { dueFrom, dueTo };
  const filters: ComplianceQuery = {
    ...(unit === ALL ? {} : { unit }),
    ...(status === ALL ? {} : { status }),
    ...(dueRange.dueFrom ? { dueFrom: dueRange.dueFrom } : {}),
    ...(dueRange.dueTo ? { dueTo: dueRange.dueTo } : {}),
  };
  const { state, reload } = useServerRead(
    (token) => complianceReport(token, organisationId, filters),
    [organisationId, unit, status, dueRange.dueFrom, dueRange.dueTo],
  );
  const maker = credentials
    ? { accountId: credentials.accountId, displayName: credentials.displayName }
    : null;
  const counts = new Map<ComplianceStatus, number>();
  if (state.phase === 'ready') {
    for (const row of state.data.rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  }
  return (
    <main className="screen compliance">
      <ButtonLink to={rosterPath(organisationId)} variant="quiet" className="crumb">
        {t('orgs.agency.back')}
      </ButtonLink>
      <h1>{t('orgs.agency.reportTitle')}</h1>
      {state.phase === 'offline' && <Notice tone="info">{t('team.leader.needsOnline')}</Notice>}
      {state.phase === 'refused' && <Notice tone="warning">{t('orgs.roster.notAllowed')}</Notice>}
      {state.phase === 'ready' && (
        <>
          <p className="muted">
            {t('orgs.agency.asOf', { time: localText(exportMoment(state.data.asOf)) })}
          </p>
          <div className="compliance-filters">
            <SelectField
              label={t('orgs.agency.unit')}
              value={unit}
              options={[
                { value: ALL, label: t('orgs.agency.allUnits') },
                ...state.data.units.map((u) => ({ value: u.id, label: u.name })),
              ]}
              onChange={setUnit}
            />
            <SelectField
              label={t('orgs.agency.status')}
              value={status}
              options={[
                { value: ALL, label: t('orgs.agency.allStatuses') },
                ...complianceStatuses.map((s) => ({
                  value: s,
                  label: t(`orgs.agency.statuses.${s}`),
                })),
              ]}
              onChange={setStatus}
            />
            <TextField
              label={t('orgs.agency.dueFrom')}
              type="date"
              value={dueFrom}
              onChange={setDueFrom}
            />
            <TextField
              label={t('orgs.agency.dueTo')}
              type="date"
              value={dueTo}
              onChange={setDueTo}
            />
          </div>
          <ul className="compliance-counts" aria-label={t('orgs.agency.countsLabel')}>
            {complianceStatuses.map((s) => (
              <li key={s} className={`compliance-${s}`}>
                {t('orgs.agency.count', {
                  status: t(`orgs.agency.statuses.${s}`),
                  count: counts.get(s) ?? 0,
                })}
              </li>
            ))}
          </ul>
          <FigureExports
            fetchFile={(token, format) => complianceFile(token, organisationId, filters, format)}
            fileName={(format) => `tien-do-bat-buoc.${format}`}
          />
          {state.data.rows.length === 0 && <p>{t('orgs.agency.noRows')}</p>}
          <ul className="card-list">
            {state.data.rows.map((row) => (
              <ComplianceCard
                key={`${row.assignmentId}:${row.accountId}`}
                row={row}
                maker={maker}
                organisationId={organisationId}
                onExempted={reload}
              />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

function ComplianceCard({
  row,
  maker,
  organisationId,
  onExempted,
}: {
  row: ComplianceRow;
  maker: Maker | null;
  organisationId: string;
  onExempted: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const save = async () => {
    if (!maker || reason.trim() === '') return;
    await exempt(maker, {
      organisationId,
      assignmentId: row.assignmentId,
      accountId: row.accountId,
      reason: reason.trim(),
    });
    setSent(true);
    setAsking(false);
    // The record goes with the next sync (the sync bar shows it waiting); the report is the
    // server's, so it changes once the record arrives there.
    onExempted();
  };
  return (
    <li className={`card compliance-card compliance-${row.status}`}>
      <span className="card-title">
        {t('orgs.agency.person', { number: row.staffNumber, name: row.displayName })}
      </span>
      <span className="card-meta">
        {t('orgs.agency.where', { unit: row.unit, position: row.position })}
      </span>
      <span className="card-meta">{row.programme}</span>
      <span className="card-meta compliance-status">
        {t(`orgs.agency.statuses.${row.status}`)}
        {' — '}
        {t('orgs.agency.progress', { done: row.done, total: row.total })}
      </span>
      <span className="card-meta">
        {row.dueDate ? t('orgs.agency.due', { date: formatDate(row.dueDate) }) : null}
        {row.completedOn
          ? ` ${t('orgs.agency.completed', { date: formatDate(row.completedOn) })}`
          : null}
      </span>
      {row.quizzes.some((quiz) => quiz.attempts > 0) && (
        <span className="card-meta">
          {t('orgs.agency.quizzes', {
            scores: bestScoresText(row.quizzes),
            count: row.quizzes.reduce((sum, quiz) => sum + quiz.attempts, 0),
          })}
        </span>
      )}
      <span className="card-meta">
        {row.lastActivity
          ? t('orgs.agency.lastActivity', { time: localText(exportMoment(row.lastActivity)) })
          : t('orgs.agency.noActivity')}
      </span>
      {row.exemptReason && (
        <span className="card-meta">
          {t('orgs.agency.exemptReason', { reason: row.exemptReason })}
        </span>
      )}
      {sent && <Notice tone="success">{t('orgs.agency.exemptSaved')}</Notice>}
      {row.status !== 'exempt' && row.status !== 'done' && !sent && maker && (
        <>
          {asking ? (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <TextField
                label={t('orgs.agency.reason')}
                value={reason}
                maxLength={300}
                onChange={setReason}
              />
              <Button type="submit" disabled={reason.trim() === ''}>
                {t('orgs.agency.exemptConfirm')}
              </Button>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setAsking(true)}>
              {t('orgs.agency.exempt', { name: row.displayName })}
            </Button>
          )}
        </>
      )}
    </li>
  );
}
