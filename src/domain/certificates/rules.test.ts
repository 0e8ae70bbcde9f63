import { describe, expect, it } from 'vitest';
import type { Question } from '../../protocol/content.ts';
import type { EventOf, IssuerKey } from '../../protocol/index.ts';
import { canonicalJson } from './canonicalJson.ts';
import { identityHash } from './credential.ts';
import { multibaseToPublicKey, publicKeyOf, publicKeyToMultibase } from './keys.ts';
import { answersNeeded, masteredQuiz } from './mastery.ts';
import { signRevocationList, verifyRevocationList } from './revocations.ts';

const text = { vi: 'x', en: 'x' };
const question = (id: string, answer: string[], kind: Question['kind'] = 'single'): Question => ({
  id,
  kind,
  prompt: text,
  options: ['a', 'b', 'c'].map((o) => ({ id: o, text })),
  answer,
  explanation: text,
});
const quiz = [question('q1', ['a']), question('q2', ['b']), question('q3', ['a', 'c'], 'multiple')];

let seq = 0;
function answer(attemptId: string, questionId: string, chosen: string[], correct = true) {
  seq += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    deviceId: '00000000-0000-4000-8000-000000000001',
    profileId: '00000000-0000-4000-8000-000000000002',
    occurredAt: '2026-11-28T00:00:00.000Z',
    type: 'quiz.answered',
    payload: { courseId: 'c', attemptId, questionId, chosen, correct },
  } as EventOf<'quiz.answered'>;
}

describe('mastery, scored again from the answers', () => {
  it.each([
    [0.8, 10, 8],
    [0.8, 7, 6],
    [0.7, 10, 7],
    [1, 3, 3],
    [0.5, 3, 2],
  ])('mastery %s of %s questions needs %s right', (mastery, total, needed) => {
    expect(answersNeeded(mastery, total)).toBe(needed);
  });

  it('ignores the client’s correct flags and counts one attempt at a time', () => {
    const a1 = '0190a000-0000-7000-8000-0000000000a1';
    const a2 = '0190a000-0000-7000-8000-0000000000a2';
    const lying = [answer(a1, 'q1', ['b']), answer(a1, 'q2', ['a']), answer(a1, 'q3', ['a'])];
    expect(masteredQuiz(quiz, 0.6, lying)).toBe(false);
    // Two right in one attempt and one right in another do not add up.
    const split = [answer(a1, 'q1', ['a']), answer(a2, 'q2', ['b']), answer(a2, 'q3', ['c', 'a'])];
    expect(masteredQuiz(quiz, 1, split)).toBe(false);
    expect(masteredQuiz(quiz, 0.6, split)).toBe(true);
    const honestWrongFlags = [answer(a2, 'q1', ['a'], false), answer(a2, 'q2', ['b'], false)];
    expect(masteredQuiz(quiz, 0.6, honestWrongFlags)).toBe(true);
  });

  it('the newest answer to a question in an attempt counts; unknown questions never do', () => {
    const a = '0190a000-0000-7000-8000-0000000000b1';
    const changed = [answer(a, 'q1', ['a']), answer(a, 'q2', ['b']), answer(a, 'q1', ['c'])];
    expect(masteredQuiz(quiz, 0.6, changed)).toBe(false);
    const padded = [answer(a, 'q1', ['a']), answer(a, 'zz', ['a']), answer(a, 'yy', ['a'])];
    expect(masteredQuiz(quiz, 0.6, padded)).toBe(false);
    expect(masteredQuiz([], 0.1, padded)).toBe(false);
  });
});

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, recursively, with no spaces', () => {
    expect(canonicalJson({ b: [1, { z: true, a: null }], a: 'ế', '\u20ac': 1, '\r': 2 })).toBe(
      '{"\\r":2,"a":"ế","b":[1,{"a":null,"z":true}],"€":1}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });

  it('an identity hash is sha256$ + hex of name then salt', () => {
    expect(identityHash('abc', '')).toBe(
      'sha256$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('issuer keys and the signed revocation list', () => {
  const secret = Uint8Array.from({ length: 32 }, (_, i) => i);
  const other = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  const key = (s: Uint8Array, keyId: string, revokedAt?: string): IssuerKey => ({
    keyId,
    publicKeyMultibase: publicKeyToMultibase(publicKeyOf(s)),
    validFrom: '2026-01-01T00:00:00.000Z',
    ...(revokedAt ? { revokedAt } : {}),
  });
  const ids = ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', '0b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'];

  it('Ed25519 public keys round-trip as Multikey z6Mk…', () => {
    const multibase = publicKeyToMultibase(publicKeyOf(secret));
    expect(multibase.startsWith('z6Mk')).toBe(true);
    expect(multibaseToPublicKey(multibase)).toEqual(publicKeyOf(secret));
    expect(multibaseToPublicKey('z0OIl')).toBeNull();
    expect(multibaseToPublicKey('u' + multibase.slice(1))).toBeNull();
  });

  it('accepts the signed list, and refuses it shortened, re-keyed or signed by a revoked key', () => {
    const list = signRevocationList(
      { updatedAt: '2026-11-28T10:00:00.000Z', revoked: ids, keyId: 'k1' },
      secret,
    );
    expect(list.revoked).toEqual([...ids].sort());
    const check = verifyRevocationList(list, [key(secret, 'k1')]);
    expect(check).toEqual({ ok: true, revoked: new Set(ids), updatedAt: list.updatedAt });
    expect(verifyRevocationList({ ...list, revoked: [ids[0]] }, [key(secret, 'k1')])).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(
      verifyRevocationList({ ...list, updatedAt: '2027-01-01T00:00:00.000Z' }, [key(secret, 'k1')])
        .ok,
    ).toBe(false);
    expect(verifyRevocationList(list, [key(other, 'k1')])).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyRevocationList(list, [key(secret, 'k2')])).toEqual({
      ok: false,
      reason: 'unknown_key',
    });
    expect(verifyRevocationList(list, [key(secret, 'k1', '2026-06-01T00:00:00.000Z')]).ok).toBe(
      false,
    );
    expect(verifyRevocationList({ nonsense: true }, [key(secret, 'k1')])).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
