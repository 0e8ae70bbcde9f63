import type {
  CommuneVisitsSummary,
  ProvinceVisitsSummary,
  TeamDashboard,
  VisitAggregates,
  VisitRange,
} from '../../src/protocol';
import { CONTENT_CATEGORIES, toBuckets } from '../../src/domain/visits';
import type { ServiceCategory } from '../../src/protocol';

const LISTED_KEYS = Object.keys(CONTENT_CATEGORIES);
const LISTED_CATEGORIES = Object.values(CONTENT_CATEGORIES);
import type { Database } from '../db/database';
import { isoOf } from './visitReads';

/**
 * The dashboard figures, computed in SQL in one pass over the head versions (GROUPING SETS),
 * by the rule that src/domain/visits/aggregate.ts states as a pure function.
 */

/** Extra groupings beyond the shared ones: only the team leader's dashboard gets personal ones. */
type Extra = 'volunteer' | 'village' | 'team' | 'commune';

const DIMENSIONS = ['outcome', 'month', 'age_band', 'gender'] as const;

interface Figures {
  shared: VisitAggregates;
  extra: Map<Extra, Map<string, number>>;
}

async function figures(
  db: Database,
  teamIds: string[],
  range: VisitRange,
  extras: Extra[],
): Promise<Figures> {
  const dims = [...DIMENSIONS, ...extras];
  const sets = [...dims.map((d) => `(${d})`), '()'].join(', ');
  const which = dims.map((d) => `WHEN grouping(${d}) = 0 THEN '${d}'`).join(' ');
  const params = [teamIds, range.from ?? null, range.to ?? null];
  const scope = `v.status = 'head' AND v.team_id = ANY($1::uuid[])
    AND ($2::date IS NULL OR v.visit_date >= $2::date)
    AND ($3::date IS NULL OR v.visit_date <= $3::date)`;
  const grouped = await db.query<{ dim: string; key: string | null; n: string; minutes: string }>(
    `WITH heads AS (
       SELECT v.outcome, to_char(v.visit_date, 'YYYY-MM') AS month,
         coalesce(v.age_band, 'unknown') AS age_band, coalesce(v.gender, 'unknown') AS gender,
         v.village, t.volunteer_id::text AS volunteer, v.team_id::text AS team,
         o.commune_code AS commune, v.minutes
       FROM team_visit_versions v
       JOIN team_visits t ON t.visit_id = v.visit_id
       JOIN organisations o ON o.id = v.team_id
       WHERE ${scope})
     SELECT CASE ${which} ELSE 'total' END AS dim,
       coalesce(${dims.join(', ')}) AS key, count(*) AS n, coalesce(sum(minutes), 0) AS minutes
     FROM heads GROUP BY GROUPING SETS (${sets})`,
    params,
  );
  const services = await db.query<{ key: string; n: string }>(
    `SELECT k AS key, count(*) AS n FROM team_visit_versions v, unnest(v.service_keys) AS k
     WHERE ${scope} GROUP BY k`,
    params,
  );
  // Each head once under each category its service keys fall in: the rule of `categoryOfKey`,
  // with the one table of content categories passed in as two arrays.
  const categories = await db.query<{ key: ServiceCategory; n: string }>(
    `SELECT category AS key, count(*) AS n FROM (
       SELECT DISTINCT v.key AS row_key, CASE
           WHEN k LIKE 'category:%' THEN substr(k, 10)
           WHEN m.category IS NOT NULL THEN m.category
           WHEN k LIKE 'walkthrough:%' THEN 'public_services'
           ELSE 'other' END AS category
       FROM team_visit_versions v
       CROSS JOIN unnest(v.service_keys) AS k
       LEFT JOIN unnest($4::text[], $5::text[]) AS m(key, category) ON m.key = k
       WHERE ${scope}) c
     GROUP BY category`,
    [...params, LISTED_KEYS, LISTED_CATEGORIES],
  );
  const maps = new Map<string, Map<string, number>>(dims.map((d) => [d, new Map()]));
  let total = 0;
  let minutes = 0;
  for (const row of grouped) {
    if (row.dim === 'total') {
      total = Number(row.n);
      minutes = Number(row.minutes);
    } else maps.get(row.dim)!.set(row.key ?? '', Number(row.n));
  }
  const bucketsOf = <K extends string>(dim: string) => toBuckets(maps.get(dim) as Map<K, number>);
  return {
    shared: {
      total,
      minutes,
      byService: toBuckets(new Map(services.map((s) => [s.key, Number(s.n)]))),
      byCategory: toBuckets(new Map(categories.map((c) => [c.key, Number(c.n)]))),
      byOutcome: bucketsOf('outcome'),
      byMonth: bucketsOf('month'),
      byAgeBand: bucketsOf('age_band'),
      byGender: bucketsOf('gender'),
    },
    extra: new Map(extras.map((e) => [e, maps.get(e)!])),
  };
}

async function lastSyncedAt(db: Database, teamIds: string[]): Promise<string | null> {
  const [row] = await db.query<{ at: Date | string | null }>(
    `SELECT max(last_push_at) AS at FROM team_visit_pushes WHERE team_id = ANY($1::uuid[])`,
    [teamIds],
  );
  return row?.at ? isoOf(row.at) : null;
}

/** Buckets with a name looked up for each key, sorted by key. */
async function named(
  db: Database,
  counts: Map<string, number>,
  sql: string,
): Promise<{ key: string; name: string; count: number }[]> {
  const keys = [...counts.keys()];
  const rows = await db.query<{ key: string; name: string }>(sql, [keys]);
  const names = new Map(rows.map((r) => [r.key, r.name]));
  return toBuckets(counts).map((b) => ({ ...b, name: names.get(b.key) ?? '' }));
}

export async function teamDashboard(
  db: Database,
  teamId: string,
  range: VisitRange,
): Promise<TeamDashboard> {
  const { shared, extra } = await figures(db, [teamId], range, ['volunteer', 'village']);
  const byVolunteer = await named(
    db,
    extra.get('volunteer')!,
    `SELECT id::text AS key, display_name AS name FROM accounts WHERE id = ANY($1::uuid[])`,
  );
  const [conflicts] = await db.query<{ n: string }>(
    `SELECT count(DISTINCT visit_id) AS n FROM team_visit_versions
     WHERE team_id = $1 AND status = 'conflict'`,
    [teamId],
  );
  return {
    ...shared,
    byVolunteer: byVolunteer.map(({ key, name, count }) => ({ key, displayName: name, count })),
    byVillage: toBuckets(extra.get('village')!),
    lastSyncedAt: await lastSyncedAt(db, [teamId]),
    openConflicts: Number(conflicts?.n ?? 0),
  };
}

export async function communeSummary(
  db: Database,
  communeCode: string,
  teamIds: string[],
  range: VisitRange,
): Promise<CommuneVisitsSummary> {
  const { shared, extra } = await figures(db, teamIds, range, ['team']);
  const byTeam = await named(
    db,
    extra.get('team')!,
    `SELECT id::text AS key, name FROM organisations WHERE id = ANY($1::uuid[])`,
  );
  return { ...shared, communeCode, byTeam, lastSyncedAt: await lastSyncedAt(db, teamIds) };
}

export async function provinceSummary(
  db: Database,
  provinceCode: string,
  teamIds: string[],
  range: VisitRange,
): Promise<ProvinceVisitsSummary> {
  const { shared, extra } = await figures(db, teamIds, range, ['commune']);
  const byCommune = await named(
    db,
    extra.get('commune')!,
    `SELECT code AS key, name FROM communes WHERE code = ANY($1::text[])`,
  );
  return { ...shared, provinceCode, byCommune, lastSyncedAt: await lastSyncedAt(db, teamIds) };
}
