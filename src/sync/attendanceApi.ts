import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol';
import { fetchFile } from './fetchFile';

/** A class's attendance sheet of a month as a CSV or Excel file (its teacher only). */
export function attendanceFile(
  token: string,
  classId: string,
  month: string,
  format: 'csv' | 'xlsx',
  doFetch: typeof fetch = fetch,
): Promise<Blob> {
  return fetchFile(
    doFetch,
    `${window.location.origin}/api/orgs/${encodeURIComponent(classId)}/attendance.${format}?month=${month}`,
    { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
  );
}
