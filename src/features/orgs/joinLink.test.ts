import { describe, expect, it } from 'vitest';
import { codeFromText, joinLink } from './joinLink';

describe('join links', () => {
  it('round-trips a code through its link', () => {
    const link = joinLink('https://hocso.example', 'K7QP-M2XD');
    expect(link).toBe('https://hocso.example/join?code=K7QP-M2XD');
    expect(codeFromText(link)).toBe('K7QP-M2XD');
  });

  it('reads a typed code, with or without the dash, in any case', () => {
    expect(codeFromText(' k7qp-m2xd ')).toBe('K7QP-M2XD');
    expect(codeFromText('K7QPM2XD')).toBe('K7QP-M2XD');
  });

  it('refuses what is not a join code', () => {
    expect(codeFromText('')).toBeNull();
    expect(codeFromText('K7QP-M2X')).toBeNull();
    expect(codeFromText('HS1:ABCDEF')).toBeNull();
    expect(codeFromText('https://hocso.example/verify?c=K7QP-M2XD')).toBeNull();
    expect(codeFromText('https://hocso.example/join?code=nope')).toBeNull();
    expect(codeFromText('https://')).toBeNull();
  });
});
