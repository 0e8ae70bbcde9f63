import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The official list of 34 provinces and 3,321 communes, made compact for the phone: grouped by
 * province, the commune's name as written ("Xã …", "Phường …"), no repeated province columns.
 * The team toolkit loads it lazily (its own precached chunk), so it works offline.
 * Run `npx tsx scripts/team/communes.ts` after the seed changes; a unit test checks they agree.
 */
export const SEED = resolve('server/db/seed/vn-admin-units-2025.csv');
export const OUTPUT = resolve('src/features/orgs/communes.json');

/** [provinceCode, provinceName, "code name|code name|…"] */
export type CompactProvince = [string, string, string];

export function compactCommunes(csv: string): CompactProvince[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const provinces = new Map<string, { name: string; communes: string[] }>();
  for (const row of rows) {
    const code = row.province_code!;
    const entry = provinces.get(code) ?? { name: row.province_name!, communes: [] };
    entry.communes.push(`${row.commune_code} ${row.commune_name}`);
    provinces.set(code, entry);
  }
  return [...provinces].map(([code, p]) => [code, p.name, p.communes.join('|')]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/team/communes.ts')) {
  writeFileSync(OUTPUT, `${JSON.stringify(compactCommunes(readFileSync(SEED, 'utf8')))}\n`);
  console.log(`wrote ${OUTPUT}`);
}
