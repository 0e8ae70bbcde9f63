import {
  checkStaff,
  complianceReportSchema,
  errorResponseSchema,
  MAX_ROSTER_ROWS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  staffImportResponseSchema,
  type ComplianceQuery,
  type ComplianceReport,
  type StaffCells,
} from '../protocol';
import { ServerRefusal, TransientSyncError } from '../lib/httpErrors';
import { importSheet } from './sheetImport';

export { MAX_ROSTER_ROWS };

/** The app's own check of a staff list, the same function the server runs again. */
export const checkStaffRows = (rows: readonly StaffCells[]) => checkStaff(rows);

const agencyPath = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;

/** Sends a checked staff list to an agency: imported whole, or every row's problem back. */
export const importStaff = (token: string, agencyId: string, rows: StaffCells[]) =>
  importSheet(token, `${agencyPath(agencyId)}/staff`, rows, (body) =>
    staffImportResponseSchema.parse(body),
  );

const query = (filters: ComplianceQuery) => {
  const params = new URLSearchParams();
  if (filters.unit) params.set('unit', filters.unit);
  if (filters.status) params.set('status', filters.status);
  if (filters.dueFrom) params.set('dueFrom', filters.dueFrom);
  if (filters.dueTo) params.set('dueTo', filters.dueTo);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/**
 * A call with the account's token (a GET, or a POST of JSON): the answer, or a typed refusal or
 * transient error thrown.
 */
export async function accountCall(token: string, url: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${window.location.origin}${url}`, {
      headers: {
        authorization: `Bearer ${token}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new TransientSyncError('No connection to the server', { cause });
  }
  if (response.ok) return response;
  const error = errorResponseSchema.safeParse(await response.json().catch(() => null));
  if (response.status < 500 && error.success) {
    throw new ServerRefusal(error.data.error.code, error.data.error.message, response.status);
  }
  throw new TransientSyncError(`Server error ${response.status}`);
}

/** An agency's compliance report (its admins only). */
export async function complianceReport(
  token: string,
  agencyId: string,
  filters: ComplianceQuery,
): Promise<ComplianceReport> {
  const response = await accountCall(token, `${agencyPath(agencyId)}/compliance${query(filters)}`);
  return complianceReportSchema.parse(await response.json());
}

/** The same report as a CSV or Excel file. */
export async function complianceFile(
  token: string,
  agencyId: string,
  filters: ComplianceQuery,
  format: 'csv' | 'xlsx',
): Promise<Blob> {
  const response = await accountCall(
    token,
    `${agencyPath(agencyId)}/compliance.${format}${query(filters)}`,
  );
  return response.blob();
}
