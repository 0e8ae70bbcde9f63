import type { ComplianceCounts, ProvinceCompliance } from '../protocol/compliance.ts';
import type { ExportCell } from './exportCells.ts';

/**
 * Done, of the people a programme reaches who are not exempt, in whole per cent (rounded
 * down, so 100 means everyone); null when everyone is exempt or nobody is reached.
 */
export function percentDone(counts: Omit<ComplianceCounts, 'percentDone'>): number | null {
  const owed = counts.staff - counts.exempt;
  return owed === 0 ? null : Math.floor((counts.done * 100) / owed);
}

/** The words for the whole agency's row and for staff in no unit, in exports and on screen. */
export const WHOLE_AGENCY = 'Cả cơ quan';
export const NO_UNIT = 'Chưa xếp phòng, ban';

/** The province roll-up as a spreadsheet, with Vietnamese headers and names, never ids. */
export const PROVINCE_EXPORT_HEADERS = [
  'Cơ quan',
  'Xã, phường',
  'Chương trình',
  'Phòng, ban',
  'Số người',
  'Chưa bắt đầu',
  'Đang học',
  'Đã xong',
  'Quá hạn',
  'Được miễn',
  'Tỉ lệ hoàn thành (%)',
] as const;

const countCells = (c: ComplianceCounts): ExportCell[] => [
  c.staff,
  c.not_started,
  c.in_progress,
  c.done,
  c.overdue,
  c.exempt,
  c.percentDone ?? '',
];

export function provinceExportRows(report: ProvinceCompliance): ExportCell[][] {
  return report.agencies.flatMap((agency) =>
    agency.programmes.flatMap((programme) => [
      [
        agency.name,
        agency.communeName,
        programme.programme,
        WHOLE_AGENCY,
        ...countCells(programme),
      ],
      ...programme.units.map((unit) => [
        agency.name,
        agency.communeName,
        programme.programme,
        unit.unit === '' ? NO_UNIT : unit.unit,
        ...countCells(unit),
      ]),
    ]),
  );
}
