import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../../protocol';
import { fetchFile } from '../../../../sync/fetchFile';
import type { ExportFormat } from '../../../../ui/ExportButtons';

/** A class's attendance sheet of a month as a CSV or Excel file (its teacher only). */
export function attendanceFile(
  token: string,
  classId: string,
  month: string,
  format: ExportFormat,
): Promise<Blob> {
  return fetchFile(
    fetch,
    `${window.location.origin}/api/orgs/${encodeURIComponent(classId)}/attendance.${format}?month=${month}`,
    { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
  );
}
