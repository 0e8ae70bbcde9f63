import { describe, expect, it } from 'vitest';
import { holderNameSchema } from './events';
import { exactTextSchema, textSchema } from './text';

describe('the one text rule', () => {
  const name = textSchema({ max: 80, name: true });
  const note = textSchema({ max: 500, multiline: true });

  it('normalises to NFC and trims', () => {
    expect(name.parse('  Tu\u031b  ')).toBe('T\u01b0');
  });

  it.each([
    ['NUL', 'Lan\u0000'],
    ['a lone high surrogate', 'Lan\ud800'],
    ['a lone low surrogate', '\udc00Lan'],
    ['a right-to-left override', 'Lan\u202eabc'],
    ['a bidi isolate', '\u2067Lan\u2069'],
    ['a zero-width space', 'La\u200bn'],
    ['a byte-order mark inside', 'La\ufeffn'],
    ['a line break', 'Lan\nAnh'],
    ['a line separator', 'Lan\u2028Anh'],
  ])('refuses %s in a name', (_what, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it('lets notes keep line feeds, tabs and emoji joiners, never NUL or bidi overrides', () => {
    expect(note.parse('Dòng 1\n\tDòng 2 👩\u200d💻')).toBe('Dòng 1\n\tDòng 2 👩\u200d💻');
    expect(note.safeParse('x\u0000').success).toBe(false);
    expect(note.safeParse('x\u202e').success).toBe(false);
  });

  it('keeps a whole emoji (a valid surrogate pair) and Vietnamese letters', () => {
    expect(name.parse('Nguyễn Thị Hoa 🌸')).toBe('Nguyễn Thị Hoa 🌸');
  });

  it('asks event text to arrive clean rather than changing it', () => {
    const exact = exactTextSchema({ max: 80, name: true });
    expect(exact.safeParse('T\u01b0').success).toBe(true);
    expect(exact.safeParse('Tu\u031b').success).toBe(false);
    expect(exact.safeParse(' Tư').success).toBe(false);
    expect(holderNameSchema.safeParse('Lan\u202eanL').success).toBe(false);
    expect(holderNameSchema.safeParse('Nguyễn Thị Hoa').success).toBe(true);
  });
});
