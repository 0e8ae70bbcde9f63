import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactCommunes, OUTPUT, SEED, type CompactProvince } from './communes';

describe('the compact commune list shipped to phones', () => {
  it('is up to date with the official seed: 34 provinces, 3,321 communes', () => {
    const shipped = JSON.parse(readFileSync(OUTPUT, 'utf8')) as CompactProvince[];
    expect(shipped).toEqual(compactCommunes(readFileSync(SEED, 'utf8')));
    expect(shipped).toHaveLength(34);
    const communes = shipped.flatMap(([, , list]) => list.split('|'));
    expect(communes).toHaveLength(3321);
    expect(communes).toContain('00004 Phường Ba Đình');
    for (const entry of communes) expect(entry).toMatch(/^\d{5} \S/);
  });
});
