import { useNavigate } from 'react-router';
import { useTranslation } from '../../../i18n';
import {
  checkRoster,
  MAX_ROSTER_ROWS,
  type Organisation,
  type RosterCells,
  type SkippedLearner,
} from '../../../protocol';
import { showRosterCards } from '../../../state/rosterCards';
import { ButtonLink } from '../../../ui/ButtonLink';
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
    if (outcome.imported.length > 0) showRosterCards(org.id, outcome.imported);
    // Learners the class already had are named, not doubled; with none, straight to the cards.
    if (outcome.skipped.length > 0) {
      return {
        shown: (
          <Skipped orgId={org.id} imported={outcome.imported.length} skipped={outcome.skipped} />
        ),
      };
    }
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

/** A file imported again: who the class already had, and the cards of the new ones. */
function Skipped({
  orgId,
  imported,
  skipped,
}: {
  orgId: string;
  imported: number;
  skipped: SkippedLearner[];
}) {
  const { t } = useTranslation();
  return (
    <div role="status">
      <p className="notice notice-info">
        {t('orgs.import.skipped', { count: skipped.length, imported })}
      </p>
      <ul className="roster-problems">
        {skipped.map((l) => (
          <li key={l.row}>
            {t('orgs.import.already', { row: l.row, name: l.displayName, year: l.birthYear })}
          </li>
        ))}
      </ul>
      {imported > 0 && (
        <ButtonLink to={cardsPath(orgId)} className="button-wide">
          {t('orgs.import.openCards', { count: imported })}
        </ButtonLink>
      )}
    </div>
  );
}
