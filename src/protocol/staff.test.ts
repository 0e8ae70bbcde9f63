import { describe, expect, it } from 'vitest';
import { checkStaff, type StaffCells } from './staff';

const row = (n: number, over: Partial<StaffCells> = {}): StaffCells => ({
  row: n,
  staffNumber: `CB${n}`,
  fullName: `Trần Thị Hoa ${n}`,
  unit: 'Văn phòng',
  position: 'Chuyên viên',
  phone: '',
  ...over,
});

describe('an agency’s staff list, checked the same in the app and on the server', () => {
  it('gives the staff in their stored form when every row is good', () => {
    const checked = checkStaff([
      row(2, { phone: '+84 912 345 678', unit: '  Phòng   Tư pháp ' }),
      row(3),
    ]);
    expect(checked).toEqual({
      ok: true,
      staff: [
        { ...row(2), unit: 'Phòng Tư pháp', phone: '0912345678' },
        { ...row(3), phone: null },
      ],
    });
  });

  it('names every row’s every problem and gives no one', () => {
    const checked = checkStaff([
      row(2, { phone: '0912345678' }),
      row(3, { staffNumber: 'cb2' }),
      row(4, { staffNumber: '', fullName: '' }),
      row(5, { unit: '', position: '' }),
      row(6, { phone: '0912 345 678' }),
      row(7, { phone: 'gọi sau' }),
      row(8, { staffNumber: 'CB 8' }),
      { row: 9, staffNumber: ' ', fullName: '', unit: '', position: '', phone: '' },
    ]);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { row: 3, problem: 'staff_number_repeated', sameAs: 2 },
        { row: 4, problem: 'staff_number_missing' },
        { row: 4, problem: 'name_missing' },
        { row: 5, problem: 'unit_missing' },
        { row: 5, problem: 'position_missing' },
        { row: 6, problem: 'phone_repeated', sameAs: 2 },
        { row: 7, problem: 'phone_invalid' },
        { row: 8, problem: 'staff_number_invalid' },
        { row: 9, problem: 'empty_row' },
      ],
    });
  });

  it('refuses an empty file and one of more than 5,000 rows', () => {
    expect(checkStaff([])).toEqual({ ok: false, problems: [{ problem: 'no_rows' }] });
    const many = Array.from({ length: 5_001 }, (_, i) => row(i + 2));
    expect(checkStaff(many)).toEqual({ ok: false, problems: [{ problem: 'too_many_rows' }] });
  });
});
