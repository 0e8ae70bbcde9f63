import { describe, expect, it } from 'vitest';
import { sampleVisit } from '../test/visits';
import { visitVersionId, visitVersionKind } from './records/visitVersions';
import { pushRequestSchema } from './sync';
import { MAX_PUSH_BATCH, PROTOCOL_VERSION } from './version';
import { visitRangeQuerySchema, visitVersionSchema } from './visits';

const valid = sampleVisit;

/** [case, change to the valid version, the path zod names] */
const invalid: [string, Record<string, unknown>, string][] = [
  ['version 1 amending something', { amends: 1 }, 'amends'],
  ['a later version amending nothing', { version: 2 }, 'amends'],
  ['amending a later version', { version: 2, amends: 2 }, 'amends'],
  ['no reason for an outcome that is not done', { outcome: 'partly' }, 'outcomeReason'],
  ['no consent', { consent: false }, 'consent'],
  ['a four-digit commune', { communeCode: '0004' }, 'communeCode'],
  ['a date with a time', { date: '2026-11-28T00:00:00Z' }, 'date'],
  ['the year zero', { date: '0000-01-01' }, 'date'],
  ['a day that does not exist', { date: '2026-02-29' }, 'date'],
  ['no service', { services: [] }, 'services'],
  ['eleven services', { services: Array(11).fill({ kind: 'course', id: 'a' }) }, 'services'],
  ['a walkthrough without id', { services: [{ kind: 'walkthrough' }] }, 'services.0.id'],
  ['other without text', { services: [{ kind: 'other' }] }, 'services.0.text'],
  ['zero minutes', { minutes: 0 }, 'minutes'],
  ['601 minutes', { minutes: 601 }, 'minutes'],
  ['a phone with letters', { person: { phone: '09abc45678' } }, 'person.phone'],
  ['a full name too long', { person: { name: 'x'.repeat(41) } }, 'person.name'],
  ['an unknown age band', { person: { ageBand: 'old' } }, 'person.ageBand'],
  ['an unknown field', { extra: 1 }, ''],
  ['a blank village', { village: '   ' }, 'village'],
  ['a NUL in the village', { village: 'Thôn\u00001' }, 'village'],
  ['a control character in a note', { note: 'a\u0007b' }, 'note'],
  ['a lone surrogate in a name', { person: { name: 'a\ud800' } }, 'person.name'],
];

describe('a visit version', () => {
  it('accepts a complete version and normalises the village', () => {
    const nfd = 'Tho\u0302n 1';
    expect(visitVersionSchema.parse({ ...valid, village: ` ${nfd} ` }).village).toBe('Thôn 1');
  });

  it.each(invalid)('is refused with %s', (_name, change, path) => {
    const result = visitVersionSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('a push envelope carrying visit versions', () => {
  /** Any data, valid or not, as a visit-version record. */
  const visitRecord = (data: typeof valid) => ({
    kind: visitVersionKind.kind,
    id: visitVersionId(data),
    data,
  });
  const envelope = { protocolVersion: PROTOCOL_VERSION, deviceId: valid.deviceId };
  it.each([
    ['no records', { ...envelope, records: [] }],
    [
      `${MAX_PUSH_BATCH + 1} records`,
      { ...envelope, records: Array(MAX_PUSH_BATCH + 1).fill(visitRecord(valid)) },
    ],
    ['a record without an id', { ...envelope, records: [{ kind: 'visit-version', data: valid }] }],
    ['an unknown field', { ...envelope, records: [visitRecord(valid)], extra: true }],
  ])('is refused with %s', (_name, body) => {
    expect(pushRequestSchema.safeParse(body).success).toBe(false);
  });

  it('lets a damaged version through to be refused on its own', () => {
    const body = { ...envelope, records: [visitRecord({ ...valid, minutes: 0 })] };
    expect(pushRequestSchema.safeParse(body).success).toBe(true);
    expect(visitVersionKind.schema.safeParse(body.records[0]!.data).success).toBe(false);
  });
});

describe('a date range', () => {
  it.each([
    [{}, true],
    [{ from: '2026-01-01', to: '2026-01-01' }, true],
    [{ from: '2026-02-01', to: '2026-01-01' }, false],
    [{ from: '2026-13-01' }, false],
  ])('%o -> %s', (query, ok) => {
    expect(visitRangeQuerySchema.safeParse(query).success).toBe(ok);
  });
});
