import { rangeQuery, type DayRange } from '../domain/periods';
import { z } from 'zod';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol';
import { communeVisitsSummarySchema } from '../protocol/visits';
import { fetchFile } from './fetchFile';
import { call } from './http';

type Fetch = typeof fetch;

/** A team started in one of the official's communes, not yet counted in its figures. */
const pendingTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  createdAt: z.string(),
});
export type PendingTeam = z.infer<typeof pendingTeamSchema>;

/** A commune official's side of the server contract: the commune's figures, never a person. */
export function createCommuneApi(baseUrl: string, doFetch: Fetch = fetch) {
  const headers = (token: string) => ({
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    authorization: `Bearer ${token}`,
  });
  const summary = (code: string) =>
    `${baseUrl}/api/communes/${encodeURIComponent(code)}/visits-summary`;
  return {
    summary: (token: string, code: string, range: DayRange = {}) =>
      call(
        doFetch,
        `${summary(code)}${rangeQuery(range)}`,
        { method: 'GET', headers: headers(token) },
        (b) => communeVisitsSummarySchema.parse(b),
      ),
    /** Teams waiting for this official's (or an admin's) approval, in every commune given. */
    pendingTeams: (token: string) =>
      call(
        doFetch,
        `${baseUrl}/api/officials/pending-teams`,
        { method: 'GET', headers: headers(token) },
        (b) => z.array(pendingTeamSchema).parse(b),
      ),
    /** From now on the team's visits count in its commune's figures. */
    approve: (token: string, teamId: string) =>
      call(
        doFetch,
        `${baseUrl}/api/orgs/${encodeURIComponent(teamId)}/approve`,
        {
          method: 'POST',
          headers: { ...headers(token), 'content-type': 'application/json' },
          body: '{}',
        },
        (b) => z.object({ id: z.uuid(), approved: z.literal(true) }).parse(b),
      ),
    /** The same figures as a file (`csv` or `xlsx`) as the server wrote it. */
    export: (token: string, code: string, format: 'csv' | 'xlsx', range: DayRange = {}) =>
      fetchFile(doFetch, `${summary(code)}.${format}${rangeQuery(range)}`, headers(token)),
  };
}
