// Provinces and communes of the two-tier administration (from 1 July 2025), from the official
// register copied into server/db/seed. Names and codes are public facts.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;

export function generateSql() {
  const csv = readFileSync(new URL('../seed/vn-admin-units-2025.csv', import.meta.url), 'utf8');
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true });
  const provinces = new Map(rows.map((r) => [r.province_code, r]));
  const provinceValues = [...provinces.values()].map(
    (r) => `(${quote(r.province_code)}, ${quote(r.province_name)}, ${quote(r.province_type)})`,
  );
  const communeValues = rows.map(
    (r) =>
      `(${quote(r.commune_code)}, ${quote(r.province_code)}, ${quote(r.commune_name)}, ${quote(r.commune_type)})`,
  );
  return `
CREATE TABLE provinces (
  code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL
);
CREATE TABLE communes (
  code text PRIMARY KEY,
  province_code text NOT NULL REFERENCES provinces (code),
  name text NOT NULL,
  kind text NOT NULL
);
CREATE INDEX communes_province ON communes (province_code);
INSERT INTO provinces (code, name, kind) VALUES ${provinceValues.join(',\n')};
INSERT INTO communes (code, province_code, name, kind) VALUES ${communeValues.join(',\n')};
`;
}
