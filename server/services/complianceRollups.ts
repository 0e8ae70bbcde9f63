import { vietnamDay } from '../../src/domain/vietnamTime';
import {
  PROVINCE_EXPORT_HEADERS,
  provinceExportRows,
  percentDone,
} from '../../src/domain/complianceRollups';
import type {
  ComplianceCounts,
  NationalCompliance,
  ProvinceCompliance,
  RollupQuery,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { staffStandings, type StaffStanding } from './compliance';
import { exportFile, type ExportFile, type ExportFormat } from './exportFiles';

type Tally = Omit<ComplianceCounts, 'percentDone'>;

const emptyTally = (): Tally => ({
  staff: 0,
  not_started: 0,
  in_progress: 0,
  done: 0,
  overdue: 0,
  exempt: 0,
});

const counted = (tally: Tally): ComplianceCounts => ({ ...tally, percentDone: percentDone(tally) });

/** A tally per key, made on first use, kept in the order keys first came. */
class Tallies {
  readonly byKey = new Map<string, Tally>();
  add(key: string, standing: StaffStanding): void {
    const tally = this.byKey.get(key) ?? emptyTally();
    tally.staff += 1;
    tally[standing.standing.status.kind] += 1;
    this.byKey.set(key, tally);
  }
}

const byName = (a: string, b: string) => a.localeCompare(b, 'vi');

/** Programme titles (a roll-up groups an agency's programmes by title), sorted. */
function titlesOf(standings: readonly StaffStanding[]): string[] {
  return [...new Set(standings.map((s) => s.programme.item.title))].sort(byName);
}

/** Only the programme asked for, when one is. */
function chosen(standings: StaffStanding[], query: RollupQuery): StaffStanding[] {
  return query.programme === undefined
    ? standings
    : standings.filter((s) => s.programme.item.title === query.programme);
}

export async function provinceExists(
  db: Database,
  code: string,
): Promise<{ code: string; name: string } | null> {
  const rows = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM provinces WHERE code = $1`,
    [code],
  );
  return rows[0] ?? null;
}

/**
 * A province's roll-up: each agency in the province (by its commune), each programme (by
 * title) with its counts, and each unit's. Figures only, from the same standings the agency's
 * own report lists person by person (`staffStandings`), so the two always add up alike.
 */
export async function provinceCompliance(
  db: Database,
  province: { code: string; name: string },
  query: RollupQuery,
  now = new Date(),
): Promise<ProvinceCompliance> {
  const agencies = await db.query<{ id: string; name: string; commune_name: string }>(
    `SELECT o.id, o.name, c.name AS commune_name FROM organisations o
     JOIN communes c ON c.code = o.commune_code
     WHERE o.kind = 'agency' AND c.province_code = $1
     ORDER BY o.name, o.id`,
    [province.code],
  );
  const all = await staffStandings(
    db,
    agencies.map((a) => a.id),
    vietnamDay(now),
  );
  const standings = chosen(all, query);
  const perAgency = new Map<string, { programmes: Tallies; units: Map<string, Tallies> }>();
  for (const standing of standings) {
    const agency = perAgency.get(standing.organisationId) ?? {
      programmes: new Tallies(),
      units: new Map<string, Tallies>(),
    };
    const title = standing.programme.item.title;
    agency.programmes.add(title, standing);
    const units = agency.units.get(title) ?? new Tallies();
    units.add(standing.staff?.unitName ?? '', standing);
    agency.units.set(title, units);
    perAgency.set(standing.organisationId, agency);
  }
  return {
    asOf: now.toISOString(),
    province,
    programmes: titlesOf(all),
    agencies: agencies.map((agency) => {
      const tallies = perAgency.get(agency.id);
      return {
        id: agency.id,
        name: agency.name,
        communeName: agency.commune_name,
        programmes: [...(tallies?.programmes.byKey ?? [])]
          .sort(([a], [b]) => byName(a, b))
          .map(([programme, tally]) => ({
            programme,
            ...counted(tally),
            units: [...tallies!.units.get(programme)!.byKey]
              .sort(([a], [b]) => byName(a, b))
              .map(([unit, unitTally]) => ({ unit, ...counted(unitTally) })),
          })),
      };
    }),
  };
}

/** The nation by province: every province, with its agencies and each programme's counts. */
export async function nationalCompliance(
  db: Database,
  query: RollupQuery,
  now = new Date(),
): Promise<NationalCompliance> {
  const [provinces, agencies] = await Promise.all([
    db.query<{ code: string; name: string }>(`SELECT code, name FROM provinces ORDER BY code`),
    db.query<{ id: string; province_code: string }>(
      `SELECT o.id, c.province_code FROM organisations o
       JOIN communes c ON c.code = o.commune_code WHERE o.kind = 'agency'`,
    ),
  ]);
  const provinceOf = new Map(agencies.map((a) => [a.id, a.province_code]));
  const all = await staffStandings(
    db,
    agencies.map((a) => a.id),
    vietnamDay(now),
  );
  const perProvince = new Map<string, Tallies>();
  for (const standing of chosen(all, query)) {
    const code = provinceOf.get(standing.organisationId)!;
    const tallies = perProvince.get(code) ?? new Tallies();
    tallies.add(standing.programme.item.title, standing);
    perProvince.set(code, tallies);
  }
  const agencyCount = new Map<string, number>();
  for (const a of agencies) {
    agencyCount.set(a.province_code, (agencyCount.get(a.province_code) ?? 0) + 1);
  }
  return {
    asOf: now.toISOString(),
    programmes: titlesOf(all),
    provinces: provinces.map((p) => ({
      code: p.code,
      name: p.name,
      agencies: agencyCount.get(p.code) ?? 0,
      programmes: [...(perProvince.get(p.code)?.byKey ?? [])]
        .sort(([a], [b]) => byName(a, b))
        .map(([programme, tally]) => ({ programme, ...counted(tally) })),
    })),
  };
}

/** The province's roll-up as CSV or XLSX: one row per agency and programme, then its units. */
export async function provinceComplianceExport(
  report: ProvinceCompliance,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportFile(format, PROVINCE_EXPORT_HEADERS, provinceExportRows(report), 'Tiến độ tỉnh');
}
