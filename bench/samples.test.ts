import { describe, expect, it } from 'vitest';
import { median, percentile, spreadOf } from './samples';

describe('bench samples', () => {
  const thousandsOfPushes = Array.from({ length: 3_000 }, (_, i) => 3_000 - i);

  it('p99 of 3,000 pushes is the 30th slowest, p50 the middle one', () => {
    expect(percentile(thousandsOfPushes, 99)).toBe(2_970);
    expect(percentile(thousandsOfPushes, 50)).toBe(1_500);
  });

  it('p99 of a few samples is the slowest, never past the end', () => {
    expect(percentile([3, 1, 2], 99)).toBe(3);
    expect(percentile([3, 1, 2], 0)).toBe(1);
  });

  it('the spread of runs is their median, lowest and highest, whatever their order', () => {
    expect(spreadOf([0.61, 0.48, 0.55])).toEqual({ median: 0.55, min: 0.48, max: 0.61 });
    expect(median([4, 1, 3, 2])).toBe(3);
  });
});
