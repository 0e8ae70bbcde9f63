import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  orgCertificatesResponseSchema,
  rosterImportResponseSchema,
  type ImportedLearner,
  type OrgCertificate,
  type RosterCells,
  type SkippedLearner,
} from '../../../protocol';
import { importSheet, type SheetImportOutcome } from '../../../api/sheetImport';
import { call } from '../../../sync/http';

export type RosterImport = SheetImportOutcome<{
  imported: ImportedLearner[];
  skipped: SkippedLearner[];
}>;

const headers = (token: string) => ({
  'content-type': 'application/json',
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  authorization: `Bearer ${token}`,
});

const orgPath = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;

/** Sends a checked roster (see `importSheet`: row problems come back, nothing imported). */
export function importRoster(
  token: string,
  orgId: string,
  rows: RosterCells[],
): Promise<RosterImport> {
  return importSheet(token, `${orgPath(orgId)}/roster`, rows, (body) =>
    rosterImportResponseSchema.parse(body),
  );
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
