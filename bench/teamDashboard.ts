import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { buildServer } from '../server/app';
import { NO_LIMITS } from '../server/testing';
import { migrate } from '../server/db/migrate';
import { communeSummary, teamDashboard } from '../server/services/visitAggregates';
import { amend, makeVisit, pushVisits, signUp } from '../server/testkit/teamWorld';
import { COMMUNE_A, request } from '../server/testkit/world';
import { aggregateTeamVisits } from '../src/domain/visits';
import type { TeamDashboard, VisitVersion } from '../src/protocol';
import { chunks, openBenchDatabase } from './pushThroughput';

export const TEAM_VISITS = 10_000;
const AMENDED = 1_000;
const RUNS = 7;
const VOLUNTEERS = 8;

export interface TeamDashboardFigures {
  database: string;
  visits: number;
  versions: number;
  seedSeconds: number;
  /** Median of RUNS: the service's SQL alone, and the whole HTTP route. */
  sqlMs: number;
  httpMs: number;
  /** Median of RUNS: the commune roll-up over the same records. */
  communeMs: number;
  runsMs: number[];
  matchesPureRule: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** 10,000 records shaped like a real team's: several volunteers, months, services, villages. */
function teamVisits(teamId: string): VisitVersion[] {
  const services: VisitVersion['services'][] = [
    [{ kind: 'walkthrough', id: 'vneid-install' }],
    [{ kind: 'walkthrough', id: 'public-service-portal' }],
    [{ kind: 'course', id: 'safe-online' }],
    [{ kind: 'other', text: 'Cài ứng dụng ngân hàng' }],
    [
      { kind: 'walkthrough', id: 'pay-bills' },
      { kind: 'course', id: 'cashless' },
    ],
  ];
  const ages = ['under18', '18-35', '36-59', '60plus', undefined] as const;
  const genders = ['female', 'male', 'other', undefined] as const;
  const outcomes = ['done', 'done', 'done', 'partly', 'referred', 'not_done'] as const;
  return Array.from({ length: TEAM_VISITS }, (_, i) => {
    const outcome = outcomes[i % outcomes.length]!;
    const ageBand = ages[i % ages.length];
    const gender = genders[(i >> 2) % genders.length];
    return makeVisit(teamId, {
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      village: `Thôn ${(i % 17) + 1}`,
      person: { ...(ageBand ? { ageBand } : {}), ...(gender ? { gender } : {}) },
      services: services[i % services.length]!,
      outcome,
      ...(outcome === 'done' ? {} : { outcomeReason: 'Thiếu giấy tờ' }),
      minutes: [5, 10, 15, 30][i % 4]!,
    });
  });
}

/** Dashboard aggregation time for a team with 10,000 logged visits, median of several runs. */
export async function measureTeamDashboard(): Promise<TeamDashboardFigures> {
  const db = await openBenchDatabase('bench_team');
  await migrate(db);
  const app = await buildServer({ db, limits: NO_LIMITS });
  try {
    const call = request(app);
    const leader = await signUp(app, 'leader');
    const teamId = (
      await call('POST', '/api/orgs', leader.token, {
        kind: 'team',
        name: 'Tổ đo',
        communeCode: COMMUNE_A,
      })
    ).json<{ id: string }>().id;
    const volunteers: { id: string; token: string }[] = [];
    for (let i = 0; i < VOLUNTEERS; i += 1) {
      const volunteer = await signUp(app, `volunteer-${i}`);
      const { code } = (
        await call('POST', `/api/orgs/${teamId}/join-codes`, leader.token, { role: 'volunteer' })
      ).json<{ code: string }>();
      await call('POST', '/api/join', volunteer.token, { code });
      volunteers.push(volunteer);
    }

    const firsts = teamVisits(teamId);
    const amendments = firsts.slice(0, AMENDED).map((v) => amend(v, { minutes: v.minutes + 5 }));
    const owner = (i: number) => volunteers[i % VOLUNTEERS]!;
    const seedStart = performance.now();
    // Each volunteer pushes their own records, then their amendments, 200 at a time.
    for (let n = 0; n < VOLUNTEERS; n += 1) {
      const own = (list: VisitVersion[]) => list.filter((_, i) => i % VOLUNTEERS === n);
      for (const batch of [...chunks(own(firsts), 200), ...chunks(own(amendments), 200)]) {
        const response = await pushVisits(app, owner(n).token, batch);
        if (response.statusCode !== 200) throw new Error(`seed push failed: ${response.body}`);
      }
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    await db.exec('ANALYZE');

    const sqlRuns: number[] = [];
    const httpRuns: number[] = [];
    const communeRuns: number[] = [];
    let last: TeamDashboard | undefined;
    for (let run = 0; run < RUNS; run += 1) {
      let start = performance.now();
      last = await teamDashboard(db, teamId, {});
      sqlRuns.push(performance.now() - start);
      start = performance.now();
      const response = await call('GET', `/api/teams/${teamId}/dashboard`, leader.token);
      httpRuns.push(performance.now() - start);
      if (response.statusCode !== 200) throw new Error(`dashboard failed: ${response.body}`);
      start = performance.now();
      await communeSummary(db, COMMUNE_A, [teamId], {});
      communeRuns.push(performance.now() - start);
    }

    const heads = firsts.map((v, i) => ({
      record: i < AMENDED ? amendments[i]! : v,
      volunteerId: '',
    }));
    const expected = aggregateTeamVisits(heads);
    const { byVolunteer: _v, lastSyncedAt: _l, openConflicts: _o, ...figures } = last!;
    const { byVolunteer: _e, ...pure } = expected;
    return {
      database: db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (PostgreSQL not reachable)',
      visits: TEAM_VISITS,
      versions: TEAM_VISITS + AMENDED,
      seedSeconds,
      sqlMs: median(sqlRuns),
      httpMs: median(httpRuns),
      communeMs: median(communeRuns),
      runsMs: sqlRuns,
      matchesPureRule: isDeepStrictEqual(figures, pure),
    };
  } finally {
    await app.close();
    await db.close();
  }
}

export function printTeamDashboard(f: TeamDashboardFigures): void {
  console.log(
    `Team dashboard on ${f.database}: ${f.visits} visits (${f.versions} versions), median of ${RUNS} runs`,
  );
  console.log(`  SQL aggregation     : ${f.sqlMs.toFixed(1)} ms`);
  console.log(`  HTTP GET /dashboard : ${f.httpMs.toFixed(1)} ms`);
  console.log(`  commune roll-up SQL : ${f.communeMs.toFixed(1)} ms`);
  console.log(`  runs (SQL, ms)      : ${f.runsMs.map((ms) => ms.toFixed(1)).join(', ')}`);
  console.log(`  figures = pure rule : ${f.matchesPureRule ? 'yes' : 'NO'}`);
  console.log(`  seeding by push     : ${f.seedSeconds.toFixed(1)} s`);
}
