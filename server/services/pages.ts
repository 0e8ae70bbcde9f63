/** One pull page of stored records after a cursor, in cursor order. */
export interface RecordPage<T> {
  records: T[];
  nextCursor: number;
  hasMore: boolean;
}

/**
 * The page of `rows` after the cursor `since`, from a query that asked for `limit + 1` rows (the
 * extra row only says there is more), or for every row when `limit` is null. The cursor moves
 * to the last record's sequence number.
 */
export function pageAfter<T>(
  rows: T[],
  since: number,
  limit: number | null,
  seqOf: (record: T) => number,
): RecordPage<T> {
  const records = limit === null ? rows : rows.slice(0, limit);
  return {
    records,
    nextCursor: records.length > 0 ? seqOf(records.at(-1)!) : since,
    hasMore: limit !== null && rows.length > limit,
  };
}

/** The SQL `LIMIT` that reads one row more than a page, or every row (`LIMIT NULL`). */
export const limitPlusOne = (limit: number | null) => (limit === null ? null : limit + 1);
