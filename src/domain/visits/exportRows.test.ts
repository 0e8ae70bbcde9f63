import { sampleVisit } from '../../test/visits';
import { describe, expect, it } from 'vitest';
import { visitVersionSchema } from '../../protocol/visits';
import {
  csvSafeCell,
  summaryExportRows,
  VISIT_EXPORT_HEADERS,
  visitExportRows,
} from './exportRows';

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
    expect(csvSafeCell(cell)).toBe(safe);
  });
});

describe('export rows', () => {
  const record = visitVersionSchema.parse({
    ...sampleVisit,
    version: 2,
    amends: 1,
    person: { ageBand: '60plus', gender: 'female' },
    outcome: 'referred',
    outcomeReason: 'Cần giấy khai sinh',
  });

  it('give one row per record, in the order of the Vietnamese headers', () => {
    const [row] = visitExportRows([
      { record, volunteerName: 'Lan', receivedAt: '2026-11-28T03:00:00.000Z' },
    ]);
    expect(Object.fromEntries(VISIT_EXPORT_HEADERS.map((h, i) => [h, row![i]]))).toEqual({
      'Mã hồ sơ': record.visitId,
      'Phiên bản': 2,
      'Ngày giúp': '2026-11-28',
      'Mã xã': '00004',
      'Thôn/tổ': 'Tổ 5',
      'Tên hoặc chữ viết tắt': '',
      'Nhóm tuổi': 'Từ 60',
      'Giới tính': 'Nữ',
      'Dân tộc': '',
      'Số điện thoại': '',
      'Dịch vụ': 'Hướng dẫn: vneid-install; Khác: Cài Zalo',
      'Kết quả': 'Đã chuyển tiếp',
      'Lý do': 'Cần giấy khai sinh',
      'Số phút': 15,
      'Tình nguyện viên': 'Lan',
      'Mã người học': '',
      'Ghi chú': '',
      'Ghi lúc (trên máy)': '2026-11-28T09:00:00+07:00',
      'Nhận lúc (máy chủ)': '2026-11-28T03:00:00.000Z',
    });
  });

  it('summarise figures with labels, unknown bands named as such', () => {
    const rows = summaryExportRows(
      {
        total: 2,
        minutes: 30,
        byService: [
          { key: 'course:safe-online', count: 1 },
          { key: 'other', count: 2 },
        ],
        byOutcome: [{ key: 'done', count: 2 }],
        byMonth: [{ key: '2026-11', count: 2 }],
        byAgeBand: [{ key: 'unknown', count: 2 }],
        byGender: [{ key: 'male', count: 2 }],
      },
      [{ label: 'Tổ công nghệ số', buckets: [{ key: 't1', name: 'Tổ 1', count: 2 }] }],
    );
    expect(rows).toEqual([
      ['Tổng', 'Số người được giúp', 2],
      ['Tổng', 'Số phút', 30],
      ['Dịch vụ', 'Khóa học: safe-online', 1],
      ['Dịch vụ', 'Khác', 2],
      ['Kết quả', 'Đã xong', 2],
      ['Tháng', '2026-11', 2],
      ['Nhóm tuổi', 'Không rõ', 2],
      ['Giới tính', 'Nam', 2],
      ['Tổ công nghệ số', 'Tổ 1 (t1)', 2],
    ]);
  });
});
