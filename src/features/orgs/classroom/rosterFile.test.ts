// @vitest-environment node
// (jsdom's File cannot read its text; Node's, like a browser's, can.)
import { describe, expect, it } from 'vitest';
import { readRosterFile, rosterFromTable } from './rosterFile';

describe('a roster read from a table', () => {
  it('finds the columns by Vietnamese or English header, in any order', () => {
    expect(
      rosterFromTable([
        ['STT', 'Số điện thoại', 'Năm sinh', 'Họ và tên'],
        [1, 912345678, 2011, 'Lê Văn An'],
        [2, null, '2012', 'Trần Bình'],
      ]),
    ).toEqual({
      ok: true,
      rows: [
        { row: 2, fullName: 'Lê Văn An', birthYear: '2011', phone: '0912345678' },
        { row: 3, fullName: 'Trần Bình', birthYear: '2012', phone: '' },
      ],
    });
    const english = rosterFromTable([
      ['Full name', 'Year of birth'],
      ['An', 2010],
    ]);
    expect(english).toEqual({
      ok: true,
      rows: [{ row: 2, fullName: 'An', birthYear: '2010', phone: '' }],
    });
  });

  it('keeps blank rows between people for the check, and drops those at the end', () => {
    const read = rosterFromTable([
      ['HỌ TÊN', 'NĂM SINH:'],
      ['A', 2010],
      [null, null],
      ['B', 2011],
      ['', ''],
      [],
    ]);
    expect(read.ok && read.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('names the columns it needs and does not find', () => {
    expect(rosterFromTable([['Tên lớp', 'Năm sinh']])).toEqual({
      ok: false,
      problem: 'columns',
      missing: ['fullName'],
    });
    expect(rosterFromTable([])).toEqual({
      ok: false,
      problem: 'columns',
      missing: ['fullName', 'birthYear'],
    });
  });

  it('reads a CSV saved by Excel (byte order mark, semicolons) or by hand (commas)', async () => {
    const excel = new File(['\uFEFFHọ và tên;Năm sinh\r\n"Lê Văn An";2011\r\n'], 'lop.csv');
    expect(await readRosterFile(excel)).toEqual({
      ok: true,
      rows: [{ row: 2, fullName: 'Lê Văn An', birthYear: '2011', phone: '' }],
    });
    const typed = new File(['Full name,Year of birth,Phone\nAn,2010,0912 345 678\n'], 'lop.csv');
    expect(await readRosterFile(typed)).toEqual({
      ok: true,
      rows: [{ row: 2, fullName: 'An', birthYear: '2010', phone: '0912 345 678' }],
    });
  });

  it('says a file it cannot read is unreadable', async () => {
    const broken = new File(['not a spreadsheet'], 'lop.xlsx');
    expect(await readRosterFile(broken)).toEqual({ ok: false, problem: 'unreadable' });
  });
});
