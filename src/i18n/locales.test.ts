import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './resources';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key path of a nested object, plural forms folded into their base key. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(PLURAL, '')];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return typeof value === 'object' && value ? Object.values(value).flatMap(strings) : [];
}

describe('locales', () => {
  it('English has exactly the keys of Vietnamese', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(vi))].sort());
  });

  it('has no empty string in any language', () => {
    for (const text of [...strings(vi), ...strings(en)]) expect(text.trim()).not.toBe('');
  });
});
