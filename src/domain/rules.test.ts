import { describe, expect, it } from 'vitest';
import type { Question } from '../protocol';
import { FREE_PIN_ATTEMPTS, isValidPin, pinWaitMs } from './pinLockout';
import { isCorrectChoice } from './quiz';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { seededShuffle } from './shuffle';

const orderQuestion: Question = {
  id: 'steps',
  kind: 'order',
  prompt: { vi: 'v', en: 'e' },
  options: ['scan', 'check', 'confirm'].map((id) => ({ id, text: { vi: id, en: id } })),
  answer: ['scan', 'check', 'confirm'],
  explanation: { vi: 'v', en: 'e' },
};

describe('put-in-order questions', () => {
  it('are right only in the exact order', () => {
    expect(isCorrectChoice(orderQuestion, ['scan', 'check', 'confirm'])).toBe(true);
    expect(isCorrectChoice(orderQuestion, ['check', 'scan', 'confirm'])).toBe(false);
    expect(isCorrectChoice(orderQuestion, ['scan', 'check'])).toBe(false);
  });
});

describe('seeded shuffle', () => {
  const items = Array.from({ length: 10 }, (_, i) => i);
  it('gives the same order for the same seed, and keeps every item', () => {
    expect(seededShuffle(items, 'attempt-1')).toEqual(seededShuffle(items, 'attempt-1'));
    expect([...seededShuffle(items, 'attempt-1')].sort((a, b) => a - b)).toEqual(items);
  });
  it('gives other orders for other seeds', () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) => seededShuffle(items, `a-${i}`).join()),
    );
    expect(orders.size).toBeGreaterThan(15);
  });
});

describe('settings', () => {
  it('fall back to defaults for missing or damaged data, field by field', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ largeText: true, language: 'fr', readingRate: 9 })).toEqual({
      ...DEFAULT_SETTINGS,
      largeText: true,
    });
    expect(readSettings({ language: 'en', readingRate: 0.75 })).toMatchObject({
      language: 'en',
      readingRate: 0.75,
    });
  });
});

describe('PIN rules', () => {
  it('accept exactly four digits', () => {
    expect(['1234', '0000'].every(isValidPin)).toBe(true);
    expect(['123', '12345', 'abcd', '12 4'].some(isValidPin)).toBe(false);
  });
  it('make the person wait after a few wrong PINs, longer each time, up to 15 minutes', () => {
    expect(pinWaitMs(FREE_PIN_ATTEMPTS - 1)).toBe(0);
    expect(pinWaitMs(FREE_PIN_ATTEMPTS)).toBe(30_000);
    expect(pinWaitMs(FREE_PIN_ATTEMPTS + 1)).toBe(60_000);
    expect(pinWaitMs(50)).toBe(15 * 60_000);
  });
});
