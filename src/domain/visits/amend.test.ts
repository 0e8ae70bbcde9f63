import { sampleVisit } from '../../test/visits';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visitVersionSchema, type VisitVersion } from '../../protocol/visits';
import {
  canonicalContent,
  compareForApply,
  decideVersion,
  replayVersions,
  resolveConflict,
  type AmendDecision,
  type StoredVersionState,
} from './amend';

const s = (
  key: string,
  version: number,
  amends: number | null,
  content: string,
  status: StoredVersionState['status'],
): StoredVersionState => ({ key, version, amends, content, status });

/** [case, stored, incoming (version, amends, content), decision] */
const decisions: [string, StoredVersionState[], [number, number | null, string], AmendDecision][] =
  [
    ['first version of a new record', [], [1, null, 'a'], { kind: 'head', supersedes: null }],
    [
      'the same first version again (retry)',
      [s('k1', 1, null, 'a', 'head')],
      [1, null, 'a'],
      { kind: 'duplicate', key: 'k1' },
    ],
    [
      'an amendment of the head',
      [s('k1', 1, null, 'a', 'head')],
      [2, 1, 'b'],
      { kind: 'head', supersedes: 'k1' },
    ],
    [
      'the same amendment again (retry)',
      [s('k1', 1, null, 'a', 'superseded'), s('k2', 2, 1, 'b', 'head')],
      [2, 1, 'b'],
      { kind: 'duplicate', key: 'k2' },
    ],
    [
      'a retry of a superseded version is still a duplicate',
      [s('k1', 1, null, 'a', 'superseded'), s('k2', 2, 1, 'b', 'head')],
      [1, null, 'a'],
      { kind: 'duplicate', key: 'k1' },
    ],
    [
      'a retry of a flagged version is still a duplicate',
      [s('k1', 1, null, 'a', 'head'), s('k2', 1, null, 'x', 'conflict')],
      [1, null, 'x'],
      { kind: 'duplicate', key: 'k2' },
    ],
    [
      'another first version with different content',
      [s('k1', 1, null, 'a', 'head')],
      [1, null, 'z'],
      { kind: 'conflict', reason: 'version_taken' },
    ],
    [
      'two devices amend the same head: the second takes a taken number',
      [s('k1', 1, null, 'a', 'superseded'), s('k2', 2, 1, 'b', 'head')],
      [2, 1, 'c'],
      { kind: 'conflict', reason: 'version_taken' },
    ],
    [
      'an amendment of a version that is no longer the head',
      [s('k1', 1, null, 'a', 'superseded'), s('k2', 2, 1, 'b', 'head')],
      [3, 1, 'c'],
      { kind: 'conflict', reason: 'not_head' },
    ],
    [
      'an amendment that skips ahead of the head',
      [s('k1', 1, null, 'a', 'head')],
      [3, 2, 'c'],
      { kind: 'conflict', reason: 'not_head' },
    ],
    [
      'an amendment of a record never seen',
      [],
      [2, 1, 'b'],
      { kind: 'conflict', reason: 'not_head' },
    ],
    [
      'the first version after an orphan amendment starts the chain',
      [s('k2', 2, 1, 'b', 'conflict')],
      [1, null, 'a'],
      { kind: 'head', supersedes: null },
    ],
    [
      'an amendment of the head while another version is flagged',
      [s('k1', 1, null, 'a', 'head'), s('k2', 2, 1, 'x', 'conflict')],
      [3, 1, 'c'],
      { kind: 'head', supersedes: 'k1' },
    ],
  ];

describe('the amendment rule', () => {
  it.each(decisions)('%s', (_name, stored, [version, amends, content], expected) => {
    expect(decideVersion(stored, { version, amends, content })).toEqual(expected);
  });

  it('keeps every version when two devices amend the same record twice', () => {
    const arrivals = [
      { key: 'a1', version: 1, amends: null, content: 'v1' },
      { key: 'a2', version: 2, amends: 1, content: 'phone A: v2' },
      { key: 'b2', version: 2, amends: 1, content: 'phone B: v2' },
      { key: 'a3', version: 3, amends: 2, content: 'phone A: v3' },
      { key: 'b3', version: 3, amends: 2, content: 'phone B: v3' },
      { key: 'a3-again', version: 3, amends: 2, content: 'phone A: v3' },
    ];
    expect(replayVersions(arrivals).map((v) => [v.key, v.status])).toEqual([
      ['a1', 'superseded'],
      ['a2', 'superseded'],
      ['b2', 'conflict'],
      ['a3', 'head'],
      ['b3', 'conflict'],
    ]);
  });
});

describe('resolving a conflict', () => {
  const stored = [
    s('k1', 1, null, 'a', 'superseded'),
    s('k2', 2, 1, 'b', 'head'),
    s('k3', 2, 1, 'c', 'conflict'),
    s('k4', 3, 1, 'd', 'conflict'),
  ];
  it.each([
    ['the flagged version', 'k3', { ok: true, head: 'k3', superseded: ['k2', 'k4'] }],
    ['the head as it was', 'k2', { ok: true, head: 'k2', superseded: ['k3', 'k4'] }],
    ['an old version from history', 'k1', { ok: true, head: 'k1', superseded: ['k2', 'k3', 'k4'] }],
    ['a version of another record', 'k9', { ok: false, reason: 'unknown_version' }],
  ])('choosing %s', (_name, key, expected) => {
    expect(resolveConflict(stored, key)).toEqual(expected);
  });

  it('refuses when nothing is flagged', () => {
    const settled = [s('k1', 1, null, 'a', 'superseded'), s('k2', 2, 1, 'b', 'head')];
    expect(resolveConflict(settled, 'k1')).toEqual({ ok: false, reason: 'nothing_to_resolve' });
  });
});

describe('canonical content', () => {
  const record: VisitVersion = visitVersionSchema.parse({
    ...sampleVisit,
    person: { ageBand: '60plus', gender: 'female' },
    services: [{ kind: 'walkthrough', id: 'vneid-install' }],
  });

  it('does not depend on key order', () => {
    const reversed = Object.fromEntries(Object.entries(record).reverse()) as VisitVersion;
    expect(canonicalContent(reversed)).toBe(canonicalContent(record));
  });

  it('changes with any field', () => {
    expect(canonicalContent({ ...record, minutes: 16 })).not.toBe(canonicalContent(record));
    const person = { ...record.person, gender: 'male' as const };
    expect(canonicalContent({ ...record, person })).not.toBe(canonicalContent(record));
  });
});

describe('batch order', () => {
  it('applies by record, then by version', () => {
    const batch = [
      { visitId: 'b', version: 2 },
      { visitId: 'a', version: 3 },
      { visitId: 'b', version: 1 },
      { visitId: 'a', version: 1 },
    ];
    expect([...batch].sort(compareForApply)).toEqual([
      { visitId: 'a', version: 1 },
      { visitId: 'a', version: 3 },
      { visitId: 'b', version: 1 },
      { visitId: 'b', version: 2 },
    ]);
  });
});

describe('the amendment rule on any order of arrivals', () => {
  /** Versions from a few phones: (version, amends, content) with small numbers so they collide. */
  const arrival = fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('a', 'b'),
    )
    .map(([version, back, content]) => ({
      version,
      amends: version === 1 ? null : Math.max(1, version - 1 - (back % (version - 1))),
      content: `${version}:${content}`,
    }));

  it('never drops a version, never keeps two heads, and stores each content once', () => {
    fc.assert(
      fc.property(fc.array(arrival, { maxLength: 12 }), (arrivals) => {
        const stored = replayVersions(arrivals.map((a, i) => ({ ...a, key: `k${i}` })));
        expect(stored.filter((s) => s.status === 'head').length).toBeLessThanOrEqual(1);
        const distinct = new Set(arrivals.map((a) => `${a.version}|${a.content}`));
        expect(new Set(stored.map((s) => `${s.version}|${s.content}`))).toEqual(distinct);
        expect(stored).toHaveLength(distinct.size);
      }),
    );
  });

  it('gives the same statuses when the same arrivals come again (retries change nothing)', () => {
    fc.assert(
      fc.property(fc.array(arrival, { maxLength: 12 }), (arrivals) => {
        const keyed = arrivals.map((a, i) => ({ ...a, key: `k${i}` }));
        const once = replayVersions(keyed);
        const twice = replayVersions([...keyed, ...keyed.map((a) => ({ ...a, key: `r${a.key}` }))]);
        expect(twice).toEqual(once);
      }),
    );
  });
});
