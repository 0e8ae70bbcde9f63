/**
 * The periods a leader or an official reads figures for. Each is a range of calendar days
 * (inclusive), computed from today's date in Vietnam; `all` has no bounds.
 */
export const PERIODS = ['all', 'thisMonth', 'lastMonth', 'last3Months', 'thisYear'] as const;
export type Period = (typeof PERIODS)[number];

export interface DayRange {
  from?: string;
  to?: string;
}

const day = (year: number, month: number, date: number) =>
  new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);

/** The days of `period` as of `today` (YYYY-MM-DD): "last month" is the whole calendar month. */
export function periodRange(period: Period, today: string): DayRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  switch (period) {
    case 'all':
      return {};
    case 'thisMonth':
      return { from: day(year, month, 1), to: today };
    case 'lastMonth':
      return { from: day(year, month - 1, 1), to: day(year, month, 0) };
    case 'last3Months':
      return { from: day(year, month - 2, 1), to: today };
    case 'thisYear':
      return { from: day(year, 0, 1), to: today };
  }
}

/** `?from=…&to=…` for a URL, or nothing for the whole time. */
export function rangeQuery(range: DayRange): string {
  const params = new URLSearchParams(
    Object.entries(range).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return params.size > 0 ? `?${params.toString()}` : '';
}
