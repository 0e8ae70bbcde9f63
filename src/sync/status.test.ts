import { describe, expect, it } from 'vitest';
import { combineStatuses } from './status';

describe('combining the statuses of several sync engines', () => {
  it.each([
    [[], { phase: 'idle' }],
    [[{ phase: 'idle' }, { phase: 'retrying', retryAt: 5 }], { phase: 'retrying', retryAt: 5 }],
    [[{ phase: 'retrying', retryAt: 9 }, { phase: 'idle' }], { phase: 'retrying', retryAt: 9 }],
    [
      [
        { phase: 'retrying', retryAt: 9 },
        { phase: 'retrying', retryAt: 4 },
      ],
      { phase: 'retrying', retryAt: 4 },
    ],
    [[{ phase: 'retrying', retryAt: 9 }, { phase: 'syncing' }], { phase: 'syncing' }],
    [
      [{ phase: 'refused', detail: 'no' }, { phase: 'offline' }],
      { phase: 'refused', detail: 'no' },
    ],
    [
      [{ phase: 'syncing' }, { phase: 'outdated', detail: 'update' }],
      { phase: 'outdated', detail: 'update' },
    ],
    [[{ phase: 'offline' }, { phase: 'idle' }], { phase: 'offline' }],
  ] as const)('%j → %j', (statuses, expected) => {
    expect(combineStatuses([...statuses])).toEqual(expected);
  });
});
