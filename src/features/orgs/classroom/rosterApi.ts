import {
  errorResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  orgCertificatesResponseSchema,
  rosterImportResponseSchema,
  rosterRefusalSchema,
  type ImportedLearner,
  type OrgCertificate,
  type RosterCells,
  type RosterProblem,
  type SkippedLearner,
} from '../../../protocol';
import { call, ServerRefusal, TransientSyncError } from '../../../sync/http';

export type RosterImport =
  | { ok: true; imported: ImportedLearner[]; skipped: SkippedLearner[] }
  | { ok: false; problems: RosterProblem[] };

const headers = (token: string) => ({
  'content-type': 'application/json',
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  authorization: `Bearer ${token}`,
});

const orgPath = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;

/**
 * Sends a checked roster. The server checks it again and may still refuse rows (a phone that
 * already has an account): those come back as problems, like the app's own, with nothing imported.
 * Any other refusal is a ServerRefusal, no answer a TransientSyncError, as with `call`.
 */
export async function importRoster(
  token: string,
  orgId: string,
  rows: RosterCells[],
): Promise<RosterImport> {
  let response: Response;
  try {
    response = await fetch(`${window.location.origin}${orgPath(orgId)}/roster`, {
      method: 'POST',
      headers: headers(token),
      body: JSON.stringify({ rows }),
    });
  } catch (cause) {
    throw new TransientSyncError('No connection to the server', { cause });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, ...rosterImportResponseSchema.parse(body) };
  const refusal = rosterRefusalSchema.safeParse(body);
  if (refusal.success) return { ok: false, problems: refusal.data.error.rows };
  const error = errorResponseSchema.safeParse(body);
  if (response.status < 500 && error.success) {
    throw new ServerRefusal(error.data.error.code, error.data.error.message, response.status);
  }
  throw new TransientSyncError(`Server error ${response.status}`);
}

/** Every certificate the organisation's learners hold, for its manager to print. */
export function orgCertificates(token: string, orgId: string): Promise<OrgCertificate[]> {
  return call(
    fetch,
    `${window.location.origin}${orgPath(orgId)}/certificates`,
    { method: 'GET', headers: headers(token) },
    (body) => orgCertificatesResponseSchema.parse(body).certificates,
  );
}
