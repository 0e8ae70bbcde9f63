import { rangeQuery, type DayRange } from '../domain/periods';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol';
import {
  resolveConflictResponseSchema,
  teamDashboardSchema,
  teamRosterSchema,
  visitConflictsResponseSchema,
  visitListResponseSchema,
} from '../protocol/visits';
import { fetchFile } from './fetchFile';
import { call } from './http';

type Fetch = typeof fetch;

/** The team toolkit's side of the server contract (src/protocol/visits.ts). */
export function createTeamApi(baseUrl: string, doFetch: Fetch = fetch) {
  const headers = (token: string) => ({
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    authorization: `Bearer ${token}`,
  });
  const get = <T>(token: string, path: string, parse: (b: unknown) => T) =>
    call(doFetch, `${baseUrl}${path}`, { method: 'GET', headers: headers(token) }, parse);
  const post = <T>(token: string, path: string, body: unknown, parse: (b: unknown) => T) =>
    call(
      doFetch,
      `${baseUrl}${path}`,
      { method: 'POST', headers: headers(token), body: JSON.stringify(body) },
      parse,
    );
  const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

  return {
    visits: (token: string, teamId: string) =>
      get(token, `${team(teamId)}/visits`, (b) => visitListResponseSchema.parse(b).visits),
    conflicts: (token: string, teamId: string) =>
      get(
        token,
        `${team(teamId)}/conflicts`,
        (b) => visitConflictsResponseSchema.parse(b).conflicts,
      ),
    resolve: (token: string, teamId: string, visitId: string, chooseVersionKey: string) =>
      post(token, `${team(teamId)}/visits/${visitId}/resolve`, { chooseVersionKey }, (b) =>
        resolveConflictResponseSchema.parse(b),
      ),
    dashboard: (token: string, teamId: string, range: DayRange = {}) =>
      get(token, `${team(teamId)}/dashboard${rangeQuery(range)}`, (b) =>
        teamDashboardSchema.parse(b),
      ),
    roster: (token: string, teamId: string) =>
      get(token, `${team(teamId)}/roster`, (b) => teamRosterSchema.parse(b)),
    /** An export file (`csv` or `xlsx`) as the server wrote it. */
    export: (
      token: string,
      teamId: string,
      format: 'csv' | 'xlsx',
      range: DayRange = {},
    ): Promise<Blob> =>
      fetchFile(
        doFetch,
        `${baseUrl}${team(teamId)}/visits.${format}${rangeQuery(range)}`,
        headers(token),
      ),
  };
}

export type TeamApi = ReturnType<typeof createTeamApi>;
