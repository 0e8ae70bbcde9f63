import type { VisitAggregates, VisitRange } from '../../src/protocol';
import {
  summaryExportRows,
  SUMMARY_EXPORT_HEADERS,
  VISIT_EXPORT_HEADERS,
  visitExportRows,
  type ExportNames,
} from '../../src/domain/visits';
import { contentTitles } from '../certificates/catalog';
import type { Database } from '../db/database';
import { exportFile, type ExportFile, type ExportFormat } from './exportFiles';
import { listHeads } from './visitReads';

/** The names the exports show: communes named in the rows, and every content title. */
async function exportNames(db: Database, communeCodes: readonly string[]): Promise<ExportNames> {
  const communes = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM communes WHERE code = ANY($1::text[])`,
    [[...new Set(communeCodes)]],
  );
  return {
    communes: new Map(communes.map((c) => [c.code, c.name])),
    content: contentTitles(),
  };
}

const inRange = (date: string, { from, to }: VisitRange) =>
  (!from || date >= from) && (!to || date <= to);

/** Every record's head version in the range, with its personal fields: for the leader only. */
export async function teamVisitsExport(
  db: Database,
  teamId: string,
  format: ExportFormat,
  range: VisitRange = {},
): Promise<ExportFile> {
  const heads = (await listHeads(db, teamId, null)).filter((h) => inRange(h.record.date, range));
  const names = new Map<string, string>();
  const volunteers = await db.query<{ visit_id: string; display_name: string }>(
    `SELECT t.visit_id, a.display_name FROM team_visits t JOIN accounts a ON a.id = t.volunteer_id
     WHERE t.team_id = $1`,
    [teamId],
  );
  for (const v of volunteers) names.set(v.visit_id, v.display_name);
  const rows = visitExportRows(
    heads.map((h) => ({
      record: h.record,
      volunteerName: names.get(h.record.visitId) ?? '',
      receivedAt: h.receivedAt,
    })),
    await exportNames(
      db,
      heads.map((h) => h.record.communeCode),
    ),
  );
  return exportFile(format, VISIT_EXPORT_HEADERS, rows, 'Nhật ký');
}

/** Figures only: a commune's or a province's summary. */
export async function summaryExport(
  db: Database,
  summary: VisitAggregates,
  groups: Parameters<typeof summaryExportRows>[2],
  format: ExportFormat,
): Promise<ExportFile> {
  const rows = summaryExportRows(summary, await exportNames(db, []), groups);
  return exportFile(format, SUMMARY_EXPORT_HEADERS, rows, 'Số liệu');
}
