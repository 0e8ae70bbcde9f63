import type {
  AgeBand,
  Gender,
  Outcome,
  VisitAggregates,
  VisitService,
  VisitVersion,
} from '../../protocol/visits';
import { exportDate, exportMoment, type ExportCell } from '../../domain/exportCells';
import { CATEGORY_LABELS, categoryOf, categoryOfKey } from './categories';

/**
 * The columns of the team log exports (CSV and XLSX), Vietnamese headers first. One row per
 * record: its head version. Tests parse an export and compare it with these rows.
 */

export const OUTCOME_LABELS: Record<Outcome, string> = {
  done: 'Đã xong',
  partly: 'Xong một phần',
  referred: 'Đã chuyển tiếp',
  not_done: 'Chưa làm được',
};

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under18: 'Dưới 18',
  '18-35': '18–35',
  '36-59': '36–59',
  '60plus': 'Từ 60',
};

export const GENDER_LABELS: Record<Gender, string> = { female: 'Nữ', male: 'Nam', other: 'Khác' };

/** The names an export shows instead of ids: communes by code, content by `kind:id`. */
export interface ExportNames {
  communes: ReadonlyMap<string, string>;
  content: ReadonlyMap<string, string>;
}

const KIND_LABELS = { walkthrough: 'Hướng dẫn', course: 'Khóa học' } as const;

/**
 * A service as the log form words it: "Hướng dẫn: Tạo tài khoản VNeID", "Khác: Cài Zalo", or a
 * category alone, "Ngân hàng, thanh toán".
 */
export function serviceLabel(service: VisitService, names: ExportNames): string {
  if (service.kind === 'other') return `Khác: ${service.text}`;
  if (service.kind === 'category') return CATEGORY_LABELS[service.id];
  const title = names.content.get(`${service.kind}:${service.id}`) ?? service.id;
  return `${KIND_LABELS[service.kind]}: ${title}`;
}

/** A head version with what the server knows about it. */
export interface ExportableVisit {
  record: VisitVersion;
  volunteerName: string;
  receivedAt: string;
}

type Column = [header: string, cell: (v: ExportableVisit, names: ExportNames) => ExportCell];

const COLUMNS: Column[] = [
  ['Mã hồ sơ', (v) => v.record.visitId],
  ['Phiên bản', (v) => v.record.version],
  ['Ngày giúp', (v) => exportDate(v.record.date)],
  ['Xã, phường', (v, names) => names.communes.get(v.record.communeCode) ?? v.record.communeCode],
  ['Thôn/tổ', (v) => v.record.village],
  ['Tên hoặc chữ viết tắt', (v) => v.record.person.name ?? ''],
  ['Nhóm tuổi', (v) => (v.record.person.ageBand ? AGE_BAND_LABELS[v.record.person.ageBand] : '')],
  ['Giới tính', (v) => (v.record.person.gender ? GENDER_LABELS[v.record.person.gender] : '')],
  ['Dân tộc', (v) => v.record.person.ethnicity ?? ''],
  ['Số điện thoại', (v) => v.record.person.phone ?? ''],
  [
    'Nhóm việc',
    (v) =>
      [...new Set(v.record.services.map(categoryOf))].map((c) => CATEGORY_LABELS[c]).join('; '),
  ],
  ['Dịch vụ', (v, names) => v.record.services.map((s) => serviceLabel(s, names)).join('; ')],
  ['Kết quả', (v) => OUTCOME_LABELS[v.record.outcome]],
  ['Lý do', (v) => v.record.outcomeReason ?? ''],
  ['Số phút', (v) => v.record.minutes],
  ['Tình nguyện viên', (v) => v.volunteerName],
  ['Mã người học', (v) => v.record.learnerRef ?? ''],
  ['Ghi chú', (v) => v.record.note ?? ''],
  ['Ghi lúc (giờ Việt Nam)', (v) => exportMoment(v.record.recordedAt)],
  ['Máy chủ nhận lúc (giờ Việt Nam)', (v) => exportMoment(v.receivedAt)],
];

export const VISIT_EXPORT_HEADERS: readonly string[] = COLUMNS.map(([header]) => header);

/** The rows of a team export, in the order given (the server sorts by date, then record id). */
export function visitExportRows(
  visits: readonly ExportableVisit[],
  names: ExportNames,
): ExportCell[][] {
  return visits.map((visit) => COLUMNS.map(([, cell]) => cell(visit, names)));
}

export const SUMMARY_EXPORT_HEADERS = ['Nhóm số liệu', 'Mục', 'Số người'] as const;

const DIMENSIONS: [keyof Omit<VisitAggregates, 'total' | 'minutes'>, string][] = [
  ['byCategory', 'Nhóm việc'],
  ['byService', 'Dịch vụ'],
  ['byOutcome', 'Kết quả'],
  ['byMonth', 'Tháng'],
  ['byAgeBand', 'Nhóm tuổi'],
  ['byGender', 'Giới tính'],
];

function keyLabel(dimension: string, key: string, names: ExportNames): string {
  if (dimension === 'byCategory') return CATEGORY_LABELS[categoryOfKey(`category:${key}`)];
  if (dimension === 'byService') {
    const [kind, id = ''] = key.split(':');
    if (kind === 'other') return 'Khác';
    if (kind === 'category') return CATEGORY_LABELS[categoryOfKey(key)];
    return serviceLabel({ kind: kind as 'walkthrough' | 'course', id }, names);
  }
  if (dimension === 'byOutcome') return OUTCOME_LABELS[key as Outcome] ?? key;
  if (dimension === 'byAgeBand') return AGE_BAND_LABELS[key as AgeBand] ?? 'Không rõ';
  if (dimension === 'byGender') return GENDER_LABELS[key as Gender] ?? 'Không rõ';
  if (dimension === 'byMonth') return `${key.slice(5)}/${key.slice(0, 4)}`;
  return key;
}

/** The rows of a commune or province summary export: figures only, never a person. */
export function summaryExportRows(
  summary: VisitAggregates,
  names: ExportNames,
  groups: { label: string; buckets: { key: string; name: string; count: number }[] }[] = [],
): ExportCell[][] {
  return [
    ['Tổng', 'Số người được giúp', summary.total],
    ['Tổng', 'Số phút', summary.minutes],
    ...DIMENSIONS.flatMap(([dimension, label]) =>
      summary[dimension].map((b) => [label, keyLabel(dimension, b.key, names), b.count]),
    ),
    ...groups.flatMap((g) => g.buckets.map((b) => [g.label, b.name, b.count])),
  ];
}
