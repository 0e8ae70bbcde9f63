import { describe, expect, it } from 'vitest';
import { looksLikePhone, normalisePhone } from './phones';

describe('Vietnamese phone numbers in one form', () => {
  it.each([
    '0911222333',
    '0911 222 333',
    '091.122.2333',
    '0911-222-333',
    '84911222333',
    '+84911222333',
    '+84 911 222 333',
    '0084911222333',
    '(+84) 911 222 333',
  ])('%s is 0911222333', (input) => {
    expect(normalisePhone(input)).toBe('0911222333');
  });

  it('keeps 084… mobile numbers and 11-digit landlines as they are', () => {
    expect(normalisePhone('0842345678')).toBe('0842345678');
    expect(normalisePhone('02438123456')).toBe('02438123456');
    expect(normalisePhone('+842438123456')).toBe('02438123456');
  });

  it.each(['12345', '+1 555 123 4567', '0911 abc 333', '0011222333', '091122233344455'])(
    'refuses %s',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );

  it('tells a phone-like login from a username', () => {
    expect(looksLikePhone('0911 222 333')).toBe(true);
    expect(looksLikePhone('+84911222333')).toBe(true);
    expect(looksLikePhone('an.nguyen')).toBe(false);
    expect(looksLikePhone('0911a')).toBe(false);
  });
});
