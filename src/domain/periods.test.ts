import { describe, expect, it } from 'vitest';
import { periodRange, rangeQuery } from './periods';

describe('periods', () => {
  it.each([
    ['all', '2026-11-29', {}],
    ['thisMonth', '2026-11-29', { from: '2026-11-01', to: '2026-11-29' }],
    ['lastMonth', '2026-11-29', { from: '2026-10-01', to: '2026-10-31' }],
    ['lastMonth', '2026-03-05', { from: '2026-02-01', to: '2026-02-28' }],
    ['lastMonth', '2027-01-10', { from: '2026-12-01', to: '2026-12-31' }],
    ['last3Months', '2026-02-14', { from: '2025-12-01', to: '2026-02-14' }],
    ['thisYear', '2026-11-29', { from: '2026-01-01', to: '2026-11-29' }],
  ] as const)('%s as of %s', (period, today, range) => {
    expect(periodRange(period, today)).toEqual(range);
  });

  it('write a query only for the bounds there are', () => {
    expect(rangeQuery({})).toBe('');
    expect(rangeQuery({ from: '2026-10-01', to: '2026-10-31' })).toBe(
      '?from=2026-10-01&to=2026-10-31',
    );
  });
});
