import { sampleVisit } from '../../test/visits';
import { describe, expect, it } from 'vitest';
import { visitVersionSchema } from '../../protocol/visits';
import { exportDate, exportMoment } from '../../domain/exportCells';
import { summaryExportRows, VISIT_EXPORT_HEADERS, visitExportRows } from './exportRows';

describe('export rows', () => {
  const record = visitVersionSchema.parse({
    ...sampleVisit,
    version: 2,
    amends: 1,
    person: { ageBand: '60plus', gender: 'female' },
    outcome: 'referred',
    outcomeReason: 'Cần giấy khai sinh',
  });

  const names = {
    communes: new Map([['00004', 'Phường Ba Đình']]),
    content: new Map([['walkthrough:vneid-install', 'Cài ứng dụng VNeID']]),
  };

  it('give one row per record, in the order of the Vietnamese headers, with names', () => {
    const [row] = visitExportRows(
      [{ record, volunteerName: 'Lan', receivedAt: '2026-11-28T03:00:00.000Z' }],
      names,
    );
    expect(Object.fromEntries(VISIT_EXPORT_HEADERS.map((h, i) => [h, row![i]]))).toEqual({
      'Mã hồ sơ': record.visitId,
      'Phiên bản': 2,
      'Ngày giúp': exportDate('2026-11-28'),
      'Xã, phường': 'Phường Ba Đình',
      'Thôn/tổ': 'Tổ 5',
      'Tên hoặc chữ viết tắt': '',
      'Nhóm tuổi': 'Từ 60',
      'Giới tính': 'Nữ',
      'Dân tộc': '',
      'Số điện thoại': '',
      // vneid-install is not in the table of content categories: a walkthrough is a public service.
      'Nhóm việc': 'Dịch vụ công; Khác',
      'Dịch vụ': 'Hướng dẫn: Cài ứng dụng VNeID; Khác: Cài Zalo',
      'Kết quả': 'Đã chuyển tiếp',
      'Lý do': 'Cần giấy khai sinh',
      'Số phút': 15,
      'Tình nguyện viên': 'Lan',
      'Mã người học': '',
      'Ghi chú': '',
      'Ghi lúc (giờ Việt Nam)': exportMoment('2026-11-28T09:00:00+07:00'),
      'Máy chủ nhận lúc (giờ Việt Nam)': exportMoment('2026-11-28T03:00:00.000Z'),
    });
  });

  it('keep an id where no name is known, so nothing is lost', () => {
    const [row] = visitExportRows(
      [{ record, volunteerName: 'Lan', receivedAt: '2026-11-28T03:00:00.000Z' }],
      { communes: new Map(), content: new Map() },
    );
    expect(row).toContain('00004');
    expect(row).toContain('Hướng dẫn: vneid-install; Khác: Cài Zalo');
  });

  it('summarise figures with labels and names, unknown bands named as such', () => {
    const rows = summaryExportRows(
      {
        total: 2,
        minutes: 30,
        byService: [
          { key: 'category:banking', count: 1 },
          { key: 'walkthrough:vneid-install', count: 1 },
          { key: 'course:safe-online', count: 1 },
          { key: 'other', count: 2 },
        ],
        byCategory: [
          { key: 'banking', count: 1 },
          { key: 'other', count: 2 },
          { key: 'public_services', count: 1 },
        ],
        byOutcome: [{ key: 'done', count: 2 }],
        byMonth: [{ key: '2026-11', count: 2 }],
        byAgeBand: [{ key: 'unknown', count: 2 }],
        byGender: [{ key: 'male', count: 2 }],
      },
      names,
      [{ label: 'Tổ công nghệ số', buckets: [{ key: 't1', name: 'Tổ 1', count: 2 }] }],
    );
    expect(rows).toEqual([
      ['Tổng', 'Số người được giúp', 2],
      ['Tổng', 'Số phút', 30],
      ['Nhóm việc', 'Ngân hàng, thanh toán', 1],
      ['Nhóm việc', 'Khác', 2],
      ['Nhóm việc', 'Dịch vụ công', 1],
      ['Dịch vụ', 'Ngân hàng, thanh toán', 1],
      ['Dịch vụ', 'Hướng dẫn: Cài ứng dụng VNeID', 1],
      ['Dịch vụ', 'Khóa học: safe-online', 1],
      ['Dịch vụ', 'Khác', 2],
      ['Kết quả', 'Đã xong', 2],
      ['Tháng', '11/2026', 2],
      ['Nhóm tuổi', 'Không rõ', 2],
      ['Giới tính', 'Nam', 2],
      ['Tổ công nghệ số', 'Tổ 1', 2],
    ]);
  });
});
