import { describe, expect, it } from 'vitest';
import { fold, loadCommunes, searchCommunes } from './communes';

describe('the offline commune list', () => {
  it('holds all 3,321 communes with their provinces', async () => {
    const communes = await loadCommunes();
    expect(communes).toHaveLength(3321);
    expect(communes[0]).toEqual({
      code: '00004',
      name: 'Phường Ba Đình',
      province: 'Thành phố Hà Nội',
    });
  });

  it('finds a commune typed without marks, or by its code', async () => {
    const communes = await loadCommunes();
    expect(fold('Phường Ba Đình')).toBe('phuong ba dinh');
    expect(searchCommunes(communes, 'ba dinh')[0]?.code).toBe('00004');
    expect(searchCommunes(communes, '00008').map((c) => c.name)).toEqual(['Phường Ngọc Hà']);
    expect(searchCommunes(communes, '   ')).toEqual([]);
  });
});
