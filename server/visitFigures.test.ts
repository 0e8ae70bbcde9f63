import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateTeamVisits,
  aggregateVisits,
  summaryExportRows,
  SUMMARY_EXPORT_HEADERS,
  VISIT_EXPORT_HEADERS,
  visitExportRows,
  type ExportNames,
} from '../src/domain/visits';
import { csvCell, vietnamWallClock, type ExportCell } from '../src/domain/exportCells';
import {
  communeVisitsSummarySchema,
  provinceVisitsSummarySchema,
  teamDashboardSchema,
  visitListResponseSchema,
  type CommuneVisitsSummary,
  type ProvinceVisitsSummary,
  type TeamDashboard,
  type VisitListResponse,
  type VisitVersion,
} from '../src/protocol';
import { contentTitles } from './certificates/catalog';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import { amend, buildTeamWorld, makeVisit, pushVisits, type TeamWorld } from './testkit/teamWorld';
import { COMMUNE_A, COMMUNE_B, request } from './testkit/world';

const backends = await testBackends();

/** A small seeded generator, so every run logs the same records. */
function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
}

const pick = seeded(7);
const VILLAGES = ['Thôn 1', 'Thôn Đông', 'Tổ 5', 'Bản Mường'];
const SERVICES = [
  [{ kind: 'walkthrough', id: 'vneid-create-account' }],
  [{ kind: 'course', id: 'staying-safe' }],
  [{ kind: 'other', text: 'Cài Zalo' }],
  [
    { kind: 'walkthrough', id: 'pay-electricity-bill' },
    { kind: 'course', id: 'staying-safe' },
  ],
  // Categories (shape 2): once per record in byCategory, however many services fall in one.
  [
    { kind: 'category', id: 'banking' },
    { kind: 'walkthrough', id: 'pay-electricity-bill' },
  ],
  [
    { kind: 'category', id: 'messaging' },
    { kind: 'walkthrough', id: 'judicial-record' },
    { kind: 'other', text: 'Cài Zalo' },
  ],
] as const;

function randomVisit(teamId: string): VisitVersion {
  const outcome = pick(['done', 'done', 'partly', 'referred', 'not_done'] as const);
  return makeVisit(teamId, {
    date: `2026-${pick(['09', '10', '11'])}-${pick(['01', '15', '28'])}`,
    village: pick(VILLAGES),
    person: {
      name: pick(['A', 'B.T.H', 'Lan']),
      ...(pick([true, false]) ? { ageBand: pick(['under18', '18-35', '36-59', '60plus']) } : {}),
      ...(pick([true, false, true]) ? { gender: pick(['female', 'male', 'other']) } : {}),
      phone: '0912345678',
    },
    services: pick(SERVICES).map((s) => ({ ...s })) as VisitVersion['services'],
    outcome,
    ...(outcome === 'done' ? {} : { outcomeReason: 'Thiếu giấy tờ' }),
    minutes: pick([5, 10, 15, 30, 45]),
    ...(pick([true, false]) ? { note: pick(['=HYPERLINK("x")', '-2 lần', 'Cần quay lại']) } : {}),
  });
}

describe.each(backends)('team log figures and exports on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: TeamWorld;
  /** What the test itself knows stands: each record's head, and who logged it. */
  const heads = new Map<string, { record: VisitVersion; volunteerId: string; team: string }>();
  let conflicted = 0;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildTeamWorld(app, db);
    const loggers = [
      ['volunteer', world.teamA],
      ['volunteer2', world.teamA],
      ['leader', world.teamA],
      ['otherVolunteer', world.teamB],
    ] as const;
    for (const [who, team] of loggers) {
      const firsts = Array.from({ length: who === 'otherVolunteer' ? 12 : 25 }, () =>
        randomVisit(team),
      );
      const amended = firsts.slice(0, 6).map((v) => amend(v, { minutes: v.minutes + 1 }));
      const rivals = firsts.slice(0, 3).map((v) => amend(v, { minutes: 99 }));
      for (const batch of [[...firsts, ...amended], rivals]) {
        const response = await pushVisits(app, world.tokens[who], batch);
        expect(response.statusCode, response.body).toBe(200);
      }
      for (const v of [...firsts, ...amended]) {
        heads.set(v.visitId, { record: v, volunteerId: world.ids[who], team });
      }
      if (team === world.teamA) conflicted += rivals.length;
    }
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const teamHeads = (team: string) => [...heads.values()].filter((h) => h.team === team);

  it.each([
    ['every date', ''],
    ['October only', '?from=2026-10-01&to=2026-10-31'],
    ['from mid-October on', '?from=2026-10-15'],
  ])('gives the leader the figures computed from the raw records (%s)', async (_name, query) => {
    const range = Object.fromEntries(new URLSearchParams(query));
    const response = await request(app)(
      'GET',
      `/api/teams/${world.teamA}/dashboard${query}`,
      world.tokens.leader,
    );
    expect(response.statusCode, response.body).toBe(200);
    const { byVolunteer, lastSyncedAt, openConflicts, ...figures } = teamDashboardSchema.parse(
      response.json<TeamDashboard>(),
    );
    const expected = aggregateTeamVisits(teamHeads(world.teamA), range);
    expect(expected.total).toBeGreaterThan(0);
    expect({
      ...figures,
      byVolunteer: byVolunteer.map(({ key, count }) => ({ key, count })),
    }).toEqual(expected);
    expect(byVolunteer.find((b) => b.key === world.ids.volunteer)?.displayName).toBe('volunteer');
    expect(openConflicts).toBe(conflicted);
    expect(lastSyncedAt).not.toBeNull();
  });

  it.each([
    ['an impossible day', '?from=2026-02-30'],
    ['a range that ends before it starts', '?from=2026-12-01&to=2026-01-01'],
    ['an unknown parameter', '?since=2026-01-01'],
  ])('refuses a dashboard range with %s', async (_name, query) => {
    const response = await request(app)(
      'GET',
      `/api/teams/${world.teamA}/dashboard${query}`,
      world.tokens.leader,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('rolls up a commune across its teams, as figures only', async () => {
    for (const [code, team, token] of [
      [COMMUNE_A, world.teamA, world.tokens.official],
      [COMMUNE_B, world.teamB, world.tokens.admin],
    ] as const) {
      const response = await request(app)('GET', `/api/communes/${code}/visits-summary`, token);
      expect(response.statusCode, response.body).toBe(200);
      const { byTeam, communeCode, lastSyncedAt, ...figures } = communeVisitsSummarySchema.parse(
        response.json<CommuneVisitsSummary>(),
      );
      const records = teamHeads(team).map((h) => h.record);
      expect(figures).toEqual(aggregateVisits(records));
      expect(communeCode).toBe(code);
      expect(byTeam).toEqual([{ key: team, name: `team ${code}`, count: records.length }]);
      expect(lastSyncedAt).not.toBeNull();
      expect(response.body).not.toMatch(/Thôn|Tổ 5|Bản|0912345678|B\.T\.H|volunteer|displayName/);
    }
  });

  it('rolls up a province: every commune for an admin, only their own for an official', async () => {
    const all = (
      await request(app)('GET', '/api/provinces/01/visits-summary', world.tokens.admin)
    ).json<ProvinceVisitsSummary>();
    provinceVisitsSummarySchema.parse(all);
    const { byCommune, provinceCode: _p, lastSyncedAt: _l, ...figures } = all;
    expect(figures).toEqual(aggregateVisits([...heads.values()].map((h) => h.record)));
    expect(byCommune.map((c) => [c.key, c.count])).toEqual([
      [COMMUNE_A, teamHeads(world.teamA).length],
      [COMMUNE_B, teamHeads(world.teamB).length],
    ]);
    const own = (
      await request(app)('GET', '/api/provinces/01/visits-summary', world.tokens.official)
    ).json<ProvinceVisitsSummary>();
    expect(own.total).toBe(teamHeads(world.teamA).length);
    expect(own.byCommune.map((c) => c.key)).toEqual([COMMUNE_A]);
    const elsewhere = await request(app)(
      'GET',
      '/api/provinces/79/visits-summary',
      world.tokens.official,
    );
    expect(elsewhere.statusCode).toBe(403);
  });

  /** The names the exports must show, read here from the places table and the content. */
  const exportNames = async (): Promise<ExportNames> => {
    const communes = await db.query<{ code: string; name: string }>(
      `SELECT code, name FROM communes WHERE code = ANY($1::text[])`,
      [[COMMUNE_A, COMMUNE_B]],
    );
    return { communes: new Map(communes.map((c) => [c.code, c.name])), content: contentTitles() };
  };
  /**
   * A cell as read-excel-file gives it back: empty as null, dates as Date. A spreadsheet keeps a
   * moment as a fraction of a day, so both sides are compared to the second.
   */
  const toSecond = (date: Date) => Math.round(date.getTime() / 1000);
  const expectedCell = (cell: ExportCell) =>
    cell === '' ? null : typeof cell === 'object' ? toSecond(vietnamWallClock(cell)) : cell;
  const readCell = (cell: unknown) => (cell instanceof Date ? toSecond(cell) : cell);

  const expectedExport = async () => {
    const list = (
      await request(app)('GET', `/api/teams/${world.teamA}/visits`, world.tokens.leader)
    ).json<VisitListResponse>().visits;
    visitListResponseSchema.parse({ visits: list });
    const names = new Map(Object.entries(world.ids).map(([who, id]) => [id, who]));
    return visitExportRows(
      list.map((v) => {
        const known = heads.get(v.record.visitId)!;
        expect(v.record).toEqual(known.record);
        return {
          record: known.record,
          volunteerName: names.get(known.volunteerId)!,
          receivedAt: v.receivedAt,
        };
      }),
      await exportNames(),
    );
  };

  it('exports every record of the team as CSV and XLSX, and writes the export to the audit log', async () => {
    const expected = await expectedExport();
    expect(expected).toHaveLength(teamHeads(world.teamA).length);
    const csv = await request(app)(
      'GET',
      `/api/teams/${world.teamA}/visits.csv`,
      world.tokens.leader,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual(VISIT_EXPORT_HEADERS);
    expect(rows.slice(1)).toEqual(expected.map((row) => row.map((c) => String(csvCell(c)))));
    // Names, local dates and times, never ids or UTC stamps, in what a clerk opens.
    const column = (header: string) => rows.slice(1).map((r) => r[rows[0]!.indexOf(header)]!);
    expect(column('Xã, phường').every((c) => /^(Phường|Xã) /.test(c))).toBe(true);
    expect(column('Ngày giúp').every((c) => /^\d\d\/\d\d\/\d{4}$/.test(c))).toBe(true);
    expect(
      column('Ghi lúc (giờ Việt Nam)').every((c) => /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(c)),
    ).toBe(true);
    expect(column('Dịch vụ').some((c) => /Hướng dẫn: [A-ZĐ]/.test(c))).toBe(true);

    const xlsx = await request(app)(
      'GET',
      `/api/teams/${world.teamA}/visits.xlsx`,
      world.tokens.leader,
    );
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet[0]).toEqual(VISIT_EXPORT_HEADERS);
    expect(sheet.slice(1).map((row) => row.map(readCell))).toEqual(
      expected.map((row) => row.map(expectedCell)),
    );
    const dateColumn = VISIT_EXPORT_HEADERS.indexOf('Ngày giúp');
    expect(sheet.slice(1).every((row) => row[dateColumn] instanceof Date)).toBe(true);

    const audit = await db.query<{ actor_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'export' AND target = $1 ORDER BY id`,
      [`team:${world.teamA}`],
    );
    expect(audit.map((a) => a.details)).toEqual([
      { kind: 'team_visits', format: 'csv', rows: expected.length },
      { kind: 'team_visits', format: 'xlsx', rows: expected.length },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/0912345678|B\.T\.H|Thôn/);
  });

  it('exports only the days asked for, and refuses a range that ends before it starts', async () => {
    const all = await expectedExport();
    const dateColumn = VISIT_EXPORT_HEADERS.indexOf('Ngày giúp');
    const october = all.filter((row) => {
      const date = row[dateColumn] as { iso: string };
      return date.iso >= '2026-10-01' && date.iso <= '2026-10-31';
    });
    expect(october.length).toBeGreaterThan(0);
    expect(october.length).toBeLessThan(all.length);
    const url = `/api/teams/${world.teamA}/visits.csv`;
    const csv = await request(app)(
      'GET',
      `${url}?from=2026-10-01&to=2026-10-31`,
      world.tokens.leader,
    );
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows.slice(1)).toEqual(october.map((row) => row.map((c) => String(csvCell(c)))));
    const reversed = await request(app)(
      'GET',
      `${url}?from=2026-10-31&to=2026-10-01`,
      world.tokens.leader,
    );
    expect(reversed.statusCode).toBe(400);
  });

  it('exports a commune summary as figures only, in CSV and XLSX', async () => {
    const url = `/api/communes/${COMMUNE_A}/visits-summary`;
    const summary = (
      await request(app)('GET', url, world.tokens.official)
    ).json<CommuneVisitsSummary>();
    const expected = summaryExportRows(summary, await exportNames(), [
      { label: 'Tổ công nghệ số', buckets: summary.byTeam },
    ]);
    const csv = await request(app)('GET', `${url}.csv`, world.tokens.official);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows).toEqual([[...SUMMARY_EXPORT_HEADERS], ...expected.map((r) => r.map(String))]);
    const xlsx = await request(app)('GET', `${url}.xlsx`, world.tokens.official);
    expect(await readSheet(xlsx.rawPayload)).toEqual([[...SUMMARY_EXPORT_HEADERS], ...expected]);
    expect(csv.body).not.toMatch(/Thôn|0912345678|B\.T\.H/);
  });
});
