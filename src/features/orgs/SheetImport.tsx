import { useState, type ReactNode } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import type { RosterProblem } from '../../protocol';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { FileButton } from '../../ui/FileButton';

/** What reading and checking a picked file gave: rows to send, or why nothing can be. */
export type SheetRead<Cells> =
  | { ok: true; rows: Cells[]; people: number }
  | { ok: false; message: string; problems: RosterProblem[] };

export interface SheetImportProps<Cells> {
  id: string;
  title: string;
  hint: (maxRows: string) => string;
  ready: (count: number, file: string) => string;
  sendLabel: (count: number) => string;
  /** Reads and checks the file in the browser (the server checks the same rows again). */
  read: (file: File) => Promise<SheetRead<Cells>>;
  /**
   * Sends the rows; the server's own row problems come back, null when it said no, or what to
   * show in place of the form once it is done (or 'done' when the screen moves on).
   */
  send: (rows: Cells[]) => Promise<RosterProblem[] | null | 'done' | { shown: ReactNode }>;
  busy: boolean;
  error: string | null | undefined;
  /** The most rows a file may hold. */
  maxRows: number;
}

type Step<Cells> =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'refused'; message: string; problems: RosterProblem[] }
  | { phase: 'ready'; fileName: string; rows: Cells[]; people: number }
  | { phase: 'sent'; shown: ReactNode };

/**
 * A list imported from a CSV or XLSX file (a class's roster, an agency's staff): the app reads
 * and checks it and lists every row's problem (nothing is sent then), or sends it whole.
 */
export function SheetImport<Cells>(props: SheetImportProps<Cells>) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step<Cells>>({ phase: 'idle' });
  const language = useLanguage();
  const maxRows = props.maxRows.toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN');
  const nothing = t('orgs.import.nothing');

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setStep({ phase: 'reading' });
    const read = await props.read(file);
    setStep(
      read.ok
        ? { phase: 'ready', fileName: file.name, rows: read.rows, people: read.people }
        : { phase: 'refused', message: read.message, problems: read.problems },
    );
  };

  const send = async (rows: Cells[]) => {
    const outcome = await props.send(rows);
    if (Array.isArray(outcome)) setStep({ phase: 'refused', message: nothing, problems: outcome });
    else if (outcome && outcome !== 'done') setStep({ phase: 'sent', shown: outcome.shown });
  };

  const heading = `${props.id}-heading`;
  return (
    <section aria-labelledby={heading} className="roster-import">
      <h2 id={heading}>{props.title}</h2>
      <p className="muted">{props.hint(maxRows)}</p>
      <FileButton
        label={t('orgs.import.pick')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onFile={(file) => void pick(file)}
      />
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
          <p role="status">{props.ready(step.people, step.fileName)}</p>
          <Button
            className="button-wide"
            disabled={props.busy}
            onClick={() => void send(step.rows)}
          >
            {props.sendLabel(step.people)}
          </Button>
        </>
      )}
      {step.phase === 'sent' && step.shown}
      {props.error && <Notice tone="error">{props.error}</Notice>}
    </section>
  );
}
