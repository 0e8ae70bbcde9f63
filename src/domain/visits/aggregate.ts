import { categoryOfKey } from './categories';
import type {
  ServiceCategory,
  VisitAggregates,
  VisitRange,
  VisitService,
  VisitVersion,
} from '../../protocol/visits';

/**
 * The aggregation rule of the team dashboard and the commune and province roll-ups. The server
 * computes the same figures in SQL; this pure version lets tests compute them independently.
 *
 * - Only the head version of each record counts (superseded and flagged versions do not).
 * - A record counts once in `total`, once under each distinct service key it names, and once
 *   under each distinct category those services fall in (`categoryOfKey`).
 * - The range filters on the visit's `date`, both ends inclusive.
 * - Buckets list only keys with a count above zero, sorted by key (code-unit order);
 *   `unknown` holds records without the optional age band or gender.
 */

/** What aggregation reads of a head version. */
export type AggregatableRecord = Pick<
  VisitVersion,
  'date' | 'services' | 'outcome' | 'person' | 'minutes' | 'village'
>;

/** A head version with the account that logged the record (who pushed version 1). */
export interface AggregatableVisit {
  record: AggregatableRecord;
  volunteerId: string;
}

export interface Bucket<K extends string = string> {
  key: K;
  count: number;
}

export interface TeamAggregates extends VisitAggregates {
  byVolunteer: Bucket[];
  byVillage: Bucket[];
}

/** `walkthrough:<id>`, `course:<id>`, `category:<id>` or `other`: free text is never a key. */
export function serviceKey(service: VisitService): string {
  return service.kind === 'other' ? 'other' : `${service.kind}:${service.id}`;
}

export function inRange(date: string, range: VisitRange): boolean {
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts into sorted buckets, keeping only keys that occurred. */
export function toBuckets<K extends string>(counts: ReadonlyMap<K, number>): Bucket<K>[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => compareKeys(a.key, b.key));
}

function tally<K extends string>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The aggregates any reader may see: no village, no volunteer, nothing personal. */
export function aggregateVisits(
  visits: readonly AggregatableRecord[],
  range: VisitRange = {},
): VisitAggregates {
  const byService = new Map<string, number>();
  const byCategory = new Map<ServiceCategory, number>();
  const byOutcome = new Map<VisitAggregates['byOutcome'][number]['key'], number>();
  const byMonth = new Map<string, number>();
  const byAgeBand = new Map<VisitAggregates['byAgeBand'][number]['key'], number>();
  const byGender = new Map<VisitAggregates['byGender'][number]['key'], number>();
  let total = 0;
  let minutes = 0;
  for (const record of visits) {
    if (!inRange(record.date, range)) continue;
    total += 1;
    minutes += record.minutes;
    const keys = new Set(record.services.map(serviceKey));
    for (const key of keys) tally(byService, key);
    for (const category of new Set([...keys].map(categoryOfKey))) tally(byCategory, category);
    tally(byOutcome, record.outcome);
    tally(byMonth, record.date.slice(0, 7));
    tally(byAgeBand, record.person.ageBand ?? 'unknown');
    tally(byGender, record.person.gender ?? 'unknown');
  }
  return {
    total,
    minutes,
    byService: toBuckets(byService),
    byCategory: toBuckets(byCategory),
    byOutcome: toBuckets(byOutcome),
    byMonth: toBuckets(byMonth),
    byAgeBand: toBuckets(byAgeBand),
    byGender: toBuckets(byGender),
  };
}

/** The team leader's figures: the shared aggregates plus per volunteer and per village. */
export function aggregateTeamVisits(
  visits: readonly AggregatableVisit[],
  range: VisitRange = {},
): TeamAggregates {
  const inside = visits.filter((v) => inRange(v.record.date, range));
  const byVolunteer = new Map<string, number>();
  const byVillage = new Map<string, number>();
  for (const visit of inside) {
    tally(byVolunteer, visit.volunteerId);
    tally(byVillage, visit.record.village);
  }
  return {
    ...aggregateVisits(
      inside.map((v) => v.record),
      range,
    ),
    byVolunteer: toBuckets(byVolunteer),
    byVillage: toBuckets(byVillage),
  };
}
