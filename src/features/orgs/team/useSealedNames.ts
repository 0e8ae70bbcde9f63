import { useEffect, useState } from 'react';
import { readVersion } from '../../../data/visits';
import type { VisitVersionRow } from '../../../data/rows';

/** The names (first name or initials) of the people in a list, opened with the key in memory. */
export function useSealedNames(key: CryptoKey, rows: VisitVersionRow[] | undefined) {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!rows) return;
    let live = true;
    void Promise.all(
      rows.map(
        async (row) => [row.visitId, (await readVersion(key, row)).person.name ?? ''] as const,
      ),
    ).then((pairs) => live && setNames(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [key, rows]);
  return names;
}
