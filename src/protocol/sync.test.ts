import { describe, expect, it } from 'vitest';
import { storedOf } from './sync';

describe('what a push stored, as its answer says', () => {
  it('is every record sent but the refused ones, once each, in the order sent', () => {
    const a = { kind: 'learning-event', id: 'a' };
    const b = { kind: 'learning-event', id: 'b' };
    const sameIdOtherKind = { kind: 'visit-version', id: 'a' };
    const refused = [{ ...b, reason: 'invalid_record' as const, message: 'no' }];
    expect(storedOf([b, a, sameIdOtherKind, a, b], refused)).toEqual([a, sameIdOtherKind]);
    expect(storedOf([b], refused)).toEqual([]);
  });
});
