import fc from 'fast-check';

/**
 * A valid object made invalid in one of the ways clients and attackers get wrong: a key
 * removed, a key replaced by `junk`, or an unknown key added.
 */
export function brokenObject(valid: Record<string, unknown>, junk: fc.Arbitrary<unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...valid };
      delete copy[key];
      return copy;
    }),
    fc.tuple(fc.constantFrom(...keys), junk).map(([key, value]) => ({ ...valid, [key]: value })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), junk)
      .filter(([key]) => !keys.includes(key) && key !== '__proto__')
      .map(([key, value]) => ({ ...valid, [key]: value })),
  );
}
