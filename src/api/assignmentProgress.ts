import {
  assignmentProgressSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type AssignmentProgress,
} from '../protocol';

/** What the server answered when it refused (or failed): its HTTP status. */
export class ProgressReadFailed extends Error {
  constructor(readonly status: number) {
    super(`The progress read failed (${status})`);
  }
}

const url = (organisationId: string, file: string) =>
  `${window.location.origin}/api/orgs/${encodeURIComponent(organisationId)}/${file}`;

async function get(token: string, organisationId: string, file: string, doFetch: typeof fetch) {
  const response = await doFetch(url(organisationId, file), {
    headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
  });
  if (!response.ok) throw new ProgressReadFailed(response.status);
  return response;
}

/** An organisation's progress table (its teacher's or admin's), checked against the protocol. */
export async function assignmentProgress(
  token: string,
  organisationId: string,
  doFetch: typeof fetch = fetch,
): Promise<AssignmentProgress> {
  const response = await get(token, organisationId, 'assignment-progress', doFetch);
  return assignmentProgressSchema.parse(await response.json());
}

/** The same table as a CSV or Excel file, one row per learner and assigned item. */
export async function assignmentProgressFile(
  token: string,
  organisationId: string,
  format: 'csv' | 'xlsx',
  doFetch: typeof fetch = fetch,
): Promise<Blob> {
  return (await get(token, organisationId, `assignment-progress.${format}`, doFetch)).blob();
}
