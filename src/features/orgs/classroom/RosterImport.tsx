import { useNavigate } from 'react-router';
import { useTranslation } from '../../../i18n';
import {
  checkRoster,
  MAX_ROSTER_ROWS,
  type Organisation,
  type RosterCells,
} from '../../../protocol';
import { showRosterCards } from '../../../state/rosterCards';
import { SheetImport, type SheetRead } from '../SheetImport';
import { useOrgAction } from '../useOrgAction';
import { cardsPath } from './paths';
import { importRoster } from './rosterApi';
import { readRosterFile, type RosterColumn } from './rosterFile';

/**
 * The teacher picks a CSV or XLSX roster; the app reads and checks it, lists every row's problem
 * (nothing is sent then), or imports it whole and opens the sign-in cards.
 */
export function RosterImport({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { run, error, busy } = useOrgAction();
  const columnName = (c: RosterColumn) => t(`orgs.import.columns.${c}`);

  const read = async (file: File): Promise<SheetRead<RosterCells>> => {
    const read = await readRosterFile(file);
    if (!read.ok) {
      const message =
        read.problem === 'unreadable'
          ? t('orgs.import.unreadable')
          : t('orgs.import.missingColumns', { columns: read.missing.map(columnName).join(', ') });
      return { ok: false, message, problems: [] };
    }
    const checked = checkRoster(read.rows, new Date().getFullYear());
    return checked.ok
      ? { ok: true, rows: read.rows, people: checked.learners.length }
      : { ok: false, message: t('orgs.import.nothing'), problems: checked.problems };
  };

  const send = async (rows: RosterCells[]) => {
    const outcome = await run((token) => importRoster(token, org.id, rows), {
      forbidden: t('orgs.roster.notAllowed'),
      conflict: t('orgs.import.retry'),
    });
    if (!outcome) return null;
    if (!outcome.ok) return outcome.problems;
    showRosterCards(org.id, outcome.imported);
    void navigate(cardsPath(org.id));
    return 'done' as const;
  };

  return (
    <SheetImport
      id="import"
      title={t('orgs.import.title')}
      hint={(max) => t('orgs.import.hint', { max })}
      ready={(count, file) => t('orgs.import.ready', { count, file })}
      sendLabel={(count) => t('orgs.import.send', { count })}
      read={read}
      send={send}
      busy={busy}
      error={error}
      maxRows={MAX_ROSTER_ROWS}
    />
  );
}
