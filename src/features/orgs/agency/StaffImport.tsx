import { useNavigate } from 'react-router';
import { useTranslation } from '../../../i18n';
import { checkStaffRows, importStaff, MAX_ROSTER_ROWS } from '../../../api/agency';
import type { Organisation, StaffCells } from '../../../protocol';
import { showRosterCards } from '../../../state/rosterCards';
import { cardsPath } from '../cardsPath';
import { SheetImport, type SheetRead } from '../SheetImport';
import { useOrgAction } from '../useOrgAction';
import { readStaffFile, type StaffColumn } from './staffFile';

/**
 * The agency's admin picks a CSV or XLSX staff list (số hiệu, họ và tên, phòng ban, chức vụ,
 * số điện thoại if any); it is checked here and again on the server, imported whole or not at
 * all, and the sign-in cards open. A unit the agency does not have yet is created.
 */
export function StaffImport({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { run, error, busy } = useOrgAction();
  const columnName = (c: StaffColumn) => t(`orgs.agency.columns.${c}`);

  const read = async (file: File): Promise<SheetRead<StaffCells>> => {
    const read = await readStaffFile(file);
    if (!read.ok) {
      const message =
        read.problem === 'unreadable'
          ? t('orgs.import.unreadable')
          : t('orgs.agency.missingColumns', {
              columns: read.missing.map(columnName).join(', '),
            });
      return { ok: false, message, problems: [] };
    }
    const checked = checkStaffRows(read.rows);
    return checked.ok
      ? { ok: true, rows: read.rows, people: checked.staff.length }
      : { ok: false, message: t('orgs.import.nothing'), problems: checked.problems };
  };

  const send = async (rows: StaffCells[]) => {
    const outcome = await run((token) => importStaff(token, org.id, rows), {
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
      id="staff-import"
      title={t('orgs.agency.importTitle')}
      hint={(max) => t('orgs.agency.importHint', { max })}
      ready={(count, file) => t('orgs.agency.ready', { count, file })}
      sendLabel={(count) => t('orgs.agency.send', { count })}
      read={read}
      send={send}
      busy={busy}
      error={error}
      maxRows={MAX_ROSTER_ROWS}
    />
  );
}
