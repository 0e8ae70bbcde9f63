import { describe, expect, it } from 'vitest';
import { csvCell, exportDate, exportMoment, localText, vietnamWallClock } from './exportCells';

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84 912', "'+84 912"],
    ['-2 lần', "'-2 lần"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['Thôn 1', 'Thôn 1'],
    ['', ''],
    [15, 15],
    [-3, -3],
  ])('%j -> %j', (cell, safe) => {
    expect(csvCell(cell)).toBe(safe);
  });
});

describe('dates in exports', () => {
  it('show a calendar date as day/month/year', () => {
    expect(localText(exportDate('2026-03-09'))).toBe('09/03/2026');
    expect(csvCell(exportDate('2026-12-31'))).toBe('31/12/2026');
  });

  it('show a moment in Vietnam’s time, across midnight and the year', () => {
    expect(localText(exportMoment('2026-11-28T03:05:00.000Z'))).toBe('28/11/2026 10:05');
    expect(localText(exportMoment('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
    expect(localText(exportMoment('2026-11-28T09:00:00+07:00'))).toBe('28/11/2026 09:00');
  });

  it('give a spreadsheet the local wall clock, which it stores without a zone', () => {
    expect(vietnamWallClock(exportMoment('2026-11-28T03:05:00Z')).toISOString()).toBe(
      '2026-11-28T10:05:00.000Z',
    );
    expect(vietnamWallClock(exportDate('2026-11-28')).toISOString()).toBe(
      '2026-11-28T00:00:00.000Z',
    );
  });
});
