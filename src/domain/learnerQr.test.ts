import { describe, expect, it } from 'vitest';
import { learnerQrText, readLearnerQr } from './learnerQr';

describe('the learner’s profile QR', () => {
  it('carries a reference and the name the learner goes by, and reads back', () => {
    const text = learnerQrText({ ref: '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01', name: 'Bà Tư: Hòa' });
    expect(text).toBe('HSL1:0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01:B%C3%A0%20T%C6%B0%3A%20H%C3%B2a');
    expect(readLearnerQr(text)).toEqual({
      ref: '0b8f1d8e-3c52-4c8e-9a53-2f4d1e6b7a01',
      name: 'Bà Tư: Hòa',
    });
  });

  it.each([
    'https://example.org/join?code=ABCD',
    'HSL1:',
    'HSL1:not a ref:Tư',
    'HSL1:0b8f1d8e',
    'HSL1:0b8f1d8e:%E0%A4%A',
  ])('reads no learner from %s', (text) => {
    expect(readLearnerQr(text)).toBeNull();
  });
});
