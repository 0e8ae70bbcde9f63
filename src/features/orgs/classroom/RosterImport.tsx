import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLanguage, useTranslation } from '../../../i18n';
import {
  checkRoster,
  MAX_ROSTER_ROWS,
  type Organisation,
  type RosterCells,
  type RosterLearner,
  type RosterProblem,
  type SkippedLearner,
} from '../../../protocol';
import { showRosterCards } from '../../../state/rosterCards';
import { Button } from '../../../ui/Button';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { useOrgAction } from '../useOrgAction';
import { cardsPath } from './paths';
import { importRoster } from './rosterApi';
import { readRosterFile, type RosterColumn } from './rosterFile';

type Step =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'refused'; message: string; problems: RosterProblem[] }
  | { phase: 'ready'; fileName: string; rows: RosterCells[]; learners: RosterLearner[] }
  | { phase: 'skipped'; imported: number; skipped: SkippedLearner[] };

/**
 * The teacher picks a CSV or XLSX roster; the app reads and checks it, lists every row's problem
 * (nothing is sent then), or imports it whole and opens the sign-in cards.
 */
export function RosterImport({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ phase: 'idle' });
  const { run, error, busy } = useOrgAction();
  const columnName = (c: RosterColumn) => t(`orgs.import.columns.${c}`);
  const language = useLanguage();
  const maxRows = MAX_ROSTER_ROWS.toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN');

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setStep({ phase: 'reading' });
    const read = await readRosterFile(file);
    if (!read.ok) {
      const message =
        read.problem === 'unreadable'
          ? t('orgs.import.unreadable')
          : t('orgs.import.missingColumns', { columns: read.missing.map(columnName).join(', ') });
      setStep({ phase: 'refused', message, problems: [] });
      return;
    }
    const checked = checkRoster(read.rows, new Date().getFullYear());
    if (!checked.ok) {
      setStep({ phase: 'refused', message: t('orgs.import.nothing'), problems: checked.problems });
      return;
    }
    setStep({ phase: 'ready', fileName: file.name, rows: read.rows, learners: checked.learners });
  };

  const send = async (rows: RosterCells[]) => {
    const outcome = await run((token) => importRoster(token, org.id, rows), {
      forbidden: t('orgs.roster.notAllowed'),
      conflict: t('orgs.import.retry'),
    });
    if (!outcome) return;
    if (!outcome.ok) {
      setStep({ phase: 'refused', message: t('orgs.import.nothing'), problems: outcome.problems });
      return;
    }
    if (outcome.imported.length > 0) showRosterCards(org.id, outcome.imported);
    // Learners the class already had are named, not doubled; with none, straight to the cards.
    if (outcome.skipped.length > 0) {
      setStep({ phase: 'skipped', imported: outcome.imported.length, skipped: outcome.skipped });
      return;
    }
    void navigate(cardsPath(org.id));
  };

  return (
    <section aria-labelledby="import-heading" className="roster-import">
      <h2 id="import-heading">{t('orgs.import.title')}</h2>
      <p className="muted">{t('orgs.import.hint', { max: maxRows })}</p>
      <label className="button button-secondary button-wide file-button">
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {t('orgs.import.pick')}
      </label>
      {step.phase === 'reading' && <p role="status">{t('orgs.import.reading')}</p>}
      {step.phase === 'refused' && (
        <div role="alert">
          <p className="notice notice-error">{step.message}</p>
          {step.problems.length > 0 && (
            <ul className="roster-problems">
              {step.problems.map((p, i) => (
                <li key={i}>
                  {t(`orgs.import.problems.${p.problem}`, {
                    row: p.row,
                    sameAs: p.sameAs,
                    max: maxRows,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step.phase === 'ready' && (
        <>
          <p role="status">
            {t('orgs.import.ready', { count: step.learners.length, file: step.fileName })}
          </p>
          <Button className="button-wide" disabled={busy} onClick={() => void send(step.rows)}>
            {t('orgs.import.send', { count: step.learners.length })}
          </Button>
        </>
      )}
      {step.phase === 'skipped' && (
        <div role="status">
          <p className="notice notice-info">
            {t('orgs.import.skipped', { count: step.skipped.length, imported: step.imported })}
          </p>
          <ul className="roster-problems">
            {step.skipped.map((l) => (
              <li key={l.row}>
                {t('orgs.import.already', { row: l.row, name: l.displayName, year: l.birthYear })}
              </li>
            ))}
          </ul>
          {step.imported > 0 && (
            <ButtonLink to={cardsPath(org.id)} className="button-wide">
              {t('orgs.import.openCards', { count: step.imported })}
            </ButtonLink>
          )}
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  );
}
