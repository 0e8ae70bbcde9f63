import { describe, expect, it } from 'vitest';
import type { VisitRange } from '../../protocol/visits';
import {
  aggregateTeamVisits,
  aggregateVisits,
  serviceKey,
  type AggregatableRecord,
  type AggregatableVisit,
} from './aggregate';

const record = (over: Partial<AggregatableRecord> = {}): AggregatableRecord => ({
  date: '2026-11-02',
  services: [{ kind: 'walkthrough', id: 'vneid' }],
  outcome: 'done',
  person: {},
  minutes: 10,
  village: 'Thôn 1',
  ...over,
});

describe('service keys', () => {
  it.each([
    [{ kind: 'walkthrough', id: 'vneid' } as const, 'walkthrough:vneid'],
    [{ kind: 'course', id: 'safe-online' } as const, 'course:safe-online'],
    [{ kind: 'category', id: 'banking' } as const, 'category:banking'],
    [{ kind: 'other', text: 'Cài Zalo cho con' } as const, 'other'],
  ])('%o -> %s', (service, key) => {
    expect(serviceKey(service)).toBe(key);
  });
});

/** [case, records, range, expected subset of the aggregates] */
const cases: [
  string,
  AggregatableRecord[],
  VisitRange,
  Partial<ReturnType<typeof aggregateVisits>>,
][] = [
  [
    'nothing logged',
    [],
    {},
    {
      total: 0,
      minutes: 0,
      byService: [],
      byOutcome: [],
      byMonth: [],
      byAgeBand: [],
      byGender: [],
    },
  ],
  [
    'a record counts once under each category its services fall in',
    [
      record({
        services: [
          { kind: 'category', id: 'banking' },
          { kind: 'walkthrough', id: 'pay-electricity-bill' },
          { kind: 'walkthrough', id: 'unlisted-walkthrough' },
          { kind: 'course', id: 'staying-safe' },
          { kind: 'other', text: 'Cài Zalo' },
        ],
      }),
      record({ services: [{ kind: 'course', id: 'unlisted-course' }] }),
    ],
    {},
    {
      total: 2,
      byCategory: [
        { key: 'banking', count: 1 },
        { key: 'other', count: 2 },
        { key: 'public_services', count: 1 },
        { key: 'scam', count: 1 },
      ],
    },
  ],
  [
    'one record counts once everywhere',
    [record({ person: { ageBand: '60plus', gender: 'female' } })],
    {},
    {
      total: 1,
      minutes: 10,
      byService: [{ key: 'walkthrough:vneid', count: 1 }],
      byOutcome: [{ key: 'done', count: 1 }],
      byMonth: [{ key: '2026-11', count: 1 }],
      byAgeBand: [{ key: '60plus', count: 1 }],
      byGender: [{ key: 'female', count: 1 }],
    },
  ],
  [
    'several services count once each, the person once',
    [
      record({
        services: [
          { kind: 'walkthrough', id: 'vneid' },
          { kind: 'course', id: 'safe-online' },
        ],
      }),
    ],
    {},
    {
      total: 1,
      byService: [
        { key: 'course:safe-online', count: 1 },
        { key: 'walkthrough:vneid', count: 1 },
      ],
    },
  ],
  [
    'the same service named twice in one record counts once',
    [
      record({
        services: [
          { kind: 'other', text: 'Zalo' },
          { kind: 'other', text: 'Facebook' },
        ],
      }),
    ],
    {},
    { byService: [{ key: 'other', count: 1 }] },
  ],
  [
    'missing age band and gender count as unknown',
    [record(), record({ person: { gender: 'male' } })],
    {},
    {
      byAgeBand: [{ key: 'unknown', count: 2 }],
      byGender: [
        { key: 'male', count: 1 },
        { key: 'unknown', count: 1 },
      ],
    },
  ],
  [
    'the range keeps both ends and drops the rest',
    [
      record({ date: '2026-10-31', minutes: 1 }),
      record({ date: '2026-11-01', minutes: 2 }),
      record({ date: '2026-11-30', minutes: 4 }),
      record({ date: '2026-12-01', minutes: 8 }),
    ],
    { from: '2026-11-01', to: '2026-11-30' },
    { total: 2, minutes: 6, byMonth: [{ key: '2026-11', count: 2 }] },
  ],
  [
    'an open range on one side',
    [record({ date: '2026-10-31' }), record({ date: '2026-12-01' })],
    { from: '2026-11-01' },
    { total: 1, byMonth: [{ key: '2026-12', count: 1 }] },
  ],
  [
    'months and outcomes sort by key',
    [
      record({ date: '2026-12-05', outcome: 'referred' }),
      record({ date: '2026-01-05', outcome: 'not_done' }),
      record({ date: '2026-12-06', outcome: 'done' }),
    ],
    {},
    {
      byMonth: [
        { key: '2026-01', count: 1 },
        { key: '2026-12', count: 2 },
      ],
      byOutcome: [
        { key: 'done', count: 1 },
        { key: 'not_done', count: 1 },
        { key: 'referred', count: 1 },
      ],
    },
  ],
];

describe('the aggregation rule', () => {
  it.each(cases)('%s', (_name, records, range, expected) => {
    expect(aggregateVisits(records, range)).toMatchObject(expected);
  });

  it('gives the team leader figures per volunteer and per village, in range only', () => {
    const visits: AggregatableVisit[] = [
      { volunteerId: 'b', record: record({ village: 'Thôn 2' }) },
      { volunteerId: 'a', record: record({ village: 'Thôn 1' }) },
      { volunteerId: 'a', record: record({ village: 'Thôn 2' }) },
      { volunteerId: 'c', record: record({ village: 'Thôn 3', date: '2025-01-01' }) },
    ];
    const team = aggregateTeamVisits(visits, { from: '2026-01-01' });
    expect(team.total).toBe(3);
    expect(team.byVolunteer).toEqual([
      { key: 'a', count: 2 },
      { key: 'b', count: 1 },
    ]);
    expect(team.byVillage).toEqual([
      { key: 'Thôn 1', count: 1 },
      { key: 'Thôn 2', count: 2 },
    ]);
  });
});
