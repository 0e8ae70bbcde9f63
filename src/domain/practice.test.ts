import { describe, expect, it } from 'vitest';
import type { PracticeField, PracticeScreen } from '../protocol';
import { fieldPasses, firstProblem, sampleValues } from './practiceCheck';
import { looksReal, unsafePracticeField } from './practiceData';
import {
  applyWalkthroughEvent,
  emptyWalkthroughProgress,
  type WalkthroughEvent,
} from './walkthroughProgress';

const text = (s: string) => ({ vi: s, en: s });

function field(overrides: Partial<PracticeField>): PracticeField {
  return {
    id: 'id-number',
    kind: 'number',
    label: text('Số định danh'),
    hint: text('Nhập số mẫu'),
    sample: '000 123 456 789',
    check: { equals: '000123456789' },
    ...overrides,
  };
}

describe('practice data', () => {
  it.each([
    ['079123456789', true],
    ['0912 345 678', true],
    ['000 123 456 789', false],
    ['0000 111 222', false],
    ['PE000123456', false],
    ['123456', false],
    ['NGUYỄN VĂN MẪU', false],
  ])('%s looks real: %s', (value, real) => expect(looksReal(value)).toBe(real));

  it('refuses screens that could collect real personal data', () => {
    expect(unsafePracticeField(field({}))).toBeNull();
    expect(
      unsafePracticeField(field({ sample: '079123456789', check: { equals: '079123456789' } })),
    ).toMatch(/000/);
    expect(unsafePracticeField(field({ check: { pattern: '^\\d{12}$' } }))).toMatch(/pattern/);
    expect(
      unsafePracticeField(field({ kind: 'otp', sample: '123456', check: { pattern: '^\\d{6}$' } })),
    ).toBeNull();
    expect(
      unsafePracticeField(field({ kind: 'password', sample: 'abc', check: { equals: 'abc' } })),
    ).toMatch(/LuyenTap/);
    expect(
      unsafePracticeField(
        field({ kind: 'password', sample: 'LuyenTap@2025', check: { equals: 'LuyenTap@2025' } }),
      ),
    ).toBeNull();
  });
});

describe('practice checks', () => {
  const screen: PracticeScreen = {
    appBar: text('VNeID'),
    action: text('Tiếp tục'),
    fields: [
      field({}),
      field({ id: 'agree', kind: 'checkbox', sample: undefined, check: { checked: true } }),
    ],
  };

  it('ignore spaces in numbers and tell the first field to fix', () => {
    expect(fieldPasses(screen.fields[0]!, '000 123 456 789')).toBe(true);
    expect(fieldPasses(screen.fields[0]!, '000123456788')).toBe(false);
    expect(firstProblem(screen, { 'id-number': '000123456789' })?.id).toBe('agree');
    expect(firstProblem(screen, {})?.id).toBe('id-number');
  });

  it('"show me" fills in values that pass', () => {
    expect(firstProblem(screen, sampleValues(screen))).toBeNull();
  });
});

describe('walkthrough progress', () => {
  const base = { deviceId: 'd', profileId: 'p', walkthroughId: 'w' };
  const events: WalkthroughEvent[] = [
    {
      ...base,
      id: 'e1',
      occurredAt: '2026-01-01T00:00:00Z',
      type: 'walkthrough.practised',
      payload: { walkthroughId: 'w', mistakes: 3, revealed: 1 },
    },
    {
      ...base,
      id: 'e2',
      occurredAt: '2026-01-02T00:00:00Z',
      type: 'walkthrough.practised',
      payload: { walkthroughId: 'w', mistakes: 1, revealed: 0 },
    },
    {
      ...base,
      id: 'e3',
      occurredAt: '2026-01-03T00:00:00Z',
      type: 'walkthrough.doneForReal',
      payload: { walkthroughId: 'w', assisted: true },
    },
  ];
  const fold = (list: WalkthroughEvent[]) =>
    list.reduce(applyWalkthroughEvent, emptyWalkthroughProgress('p', 'w'));

  it('counts runs, keeps the fewest mistakes and remembers it was done with help', () => {
    expect(fold(events)).toMatchObject({
      practiceRuns: ['e1', 'e2'],
      fewestMistakes: 1,
      doneForReal: true,
      assisted: true,
    });
  });

  it('is the same in any order and with repeats', () => {
    expect(fold([events[2]!, events[1]!, events[0]!, events[1]!])).toEqual(fold(events));
  });
});
