import { pageAfter, type RecordPage } from './pages';

/** A stored organisation record as a pull query reads it: its JSON, its sequence and its maker. */
export interface MadeByRow<R> {
  seq: string;
  record: R;
  made_by: string;
  display_name: string;
}

/**
 * One pull page of records kept with who made them (assignments, visit reviews), from a query
 * that asked for `limit + 1` rows after `since`: the extra row only says there is more.
 */
export function madeByPage<R extends object>(
  rows: MadeByRow<R>[],
  since: number,
  limit: number,
): RecordPage<R & { serverSeq: number; madeBy: { accountId: string; displayName: string } }> {
  const records = rows.map((row) => ({
    ...row.record,
    serverSeq: Number(row.seq),
    madeBy: { accountId: row.made_by, displayName: row.display_name },
  }));
  return pageAfter(records, since, limit, (record) => record.serverSeq);
}
