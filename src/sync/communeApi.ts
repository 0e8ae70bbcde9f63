import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol';
import { communeVisitsSummarySchema } from '../protocol/visits';
import { fetchFile } from './fetchFile';
import { call } from './http';

type Fetch = typeof fetch;

/** A commune official's side of the server contract: the commune's figures, never a person. */
export function createCommuneApi(baseUrl: string, doFetch: Fetch = fetch) {
  const headers = (token: string) => ({
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    authorization: `Bearer ${token}`,
  });
  const summary = (code: string) =>
    `${baseUrl}/api/communes/${encodeURIComponent(code)}/visits-summary`;
  return {
    summary: (token: string, code: string) =>
      call(doFetch, summary(code), { method: 'GET', headers: headers(token) }, (b) =>
        communeVisitsSummarySchema.parse(b),
      ),
    /** The same figures as a file (`csv` or `xlsx`) as the server wrote it. */
    export: (token: string, code: string, format: 'csv' | 'xlsx'): Promise<Blob> =>
      fetchFile(doFetch, `${summary(code)}.${format}`, headers(token)),
  };
}
