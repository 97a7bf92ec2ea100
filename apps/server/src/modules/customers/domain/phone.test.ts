import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone, prefixUpperBound } from './phone.ts';
import { planLookup } from './lookup-query.ts';
import { checkRegion, regionName } from './regions.ts';

describe('phones', () => {
  it('normalises typed numbers', () => {
    expect(normalisePhone('+86 138-1234-5678')).toEqual({ ok: true, phone: '13812345678' });
    expect(normalisePhone('0086 13812345678')).toEqual({ ok: true, phone: '13812345678' });
    expect(normalisePhone('(020) 8888-6666')).toEqual({ ok: true, phone: '02088886666' });
    expect(normalisePhone('0755-12345678')).toEqual({ ok: true, phone: '075512345678' });
  });
  it('rejects what is neither a mobile nor a landline', () => {
    expect(normalisePhone('12812345678').ok).toBe(false);
    expect(normalisePhone('1381234567').ok).toBe(false);
    expect(normalisePhone('88886666').ok).toBe(false);
    expect(normalisePhone('138abc45678').ok).toBe(false);
  });
  it('masks the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('075512345678')).toBe('075*****5678');
  });
  it('computes prefix upper bounds', () => {
    expect(prefixUpperBound('138')).toBe('139');
    expect(prefixUpperBound('1389')).toBe('138:');
    expect(prefixUpperBound('王')).toBe(String.fromCodePoint('王'.codePointAt(0)! + 1));
  });
});

describe('lookup plan', () => {
  it('detects phones, serials and names', () => {
    expect(planLookup('138 1234')).toEqual({ phone: '1381234', serial: '1381234', name: null });
    expect(planLookup('sn-2024')).toEqual({ phone: null, serial: 'SN-2024', name: 'sn-2024' });
    expect(planLookup('王小')).toEqual({ phone: null, serial: null, name: '王小' });
  });
});

describe('regions', () => {
  it('validates the province → city → district chain', () => {
    expect(checkRegion({ provinceCode: '44', cityCode: '4401', districtCode: '440106' })).toMatchObject({
      ok: true,
      name: '广东省 广州市 天河区',
    });
    expect(checkRegion({ provinceCode: '440000', cityCode: '440100', districtCode: '440106' })).toMatchObject(
      { ok: true, codes: { provinceCode: '44', cityCode: '4401' } },
    );
    expect(checkRegion({ provinceCode: '44', cityCode: '4401', districtCode: '110101' })).toMatchObject({
      ok: false,
      field: 'districtCode',
    });
    expect(checkRegion({ provinceCode: '99', cityCode: '4401', districtCode: '440106' })).toMatchObject({
      ok: false,
      field: 'provinceCode',
    });
  });
  it('names municipalities without the placeholder', () =>
    expect(regionName('110101')).toBe('北京市 东城区'));
});

describe('name bigrams', () => {
  it('windows names and company names, ignoring case and spaces', async () => {
    const { nameBigrams, containsName } = await import('./name-tokens.ts');
    expect(nameBigrams('王小明', null)).toEqual(['王小', '小明']);
    expect(nameBigrams('Li Hua')).toEqual(['li', 'ih', 'hu', 'ua']);
    expect(nameBigrams('王')).toEqual([]);
    expect(containsName('广州安心电器', '安心 电器')).toBe(true);
  });
});
