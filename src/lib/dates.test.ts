import { describe, expect, it } from 'vitest';
import { readableDate } from './dates';

describe('content dates as people read them', () => {
  it.each([
    ['2025-06', 'vi', 'tháng 6/2025'],
    ['2025-06', 'en', 'June 2025'],
    ['2026-12', 'vi', 'tháng 12/2026'],
    ['2025-06-05', 'vi', 'ngày 5/6/2025'],
    ['2025-06-05', 'en', '5 June 2025'],
    ['2025-13', 'vi', '2025-13'],
    ['soon', 'en', 'soon'],
  ])('%s in %s reads "%s"', (value, language, expected) => {
    expect(readableDate(value, language)).toBe(expected);
  });
});
