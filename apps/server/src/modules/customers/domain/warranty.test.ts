import { describe, expect, it } from 'vitest';
import { addMonths, computeWarranty } from './warranty.ts';

const terms = { unitWarrantyMonths: 12, mainPartsWarrantyMonths: 36 };

describe('addMonths', () => {
  it('keeps the corresponding day', () => expect(addMonths('2025-03-15', 12)).toBe('2026-03-15'));
  it('clamps a leap day to Feb 28 in a common year', () =>
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28'));
  it('keeps a leap day four years later', () => expect(addMonths('2024-02-29', 48)).toBe('2028-02-29'));
  it('clamps month ends', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
  });
  it('crosses years', () => expect(addMonths('2025-11-30', 3)).toBe('2026-02-28'));
});

describe('computeWarranty', () => {
  const at = (asOf: string, purchaseDate: string | null = '2024-02-29', installDate: string | null = null) =>
    computeWarranty(terms, { purchaseDate, installDate }, asOf);

  it('counts the end day as inside (1995-12-01 + 1 year ends 1996-12-01)', () => {
    const w = computeWarranty(
      { unitWarrantyMonths: 12, mainPartsWarrantyMonths: 12 },
      { purchaseDate: '1995-12-01', installDate: null },
      '1996-12-01',
    );
    expect(w).toMatchObject({ status: 'in_warranty', unitUntil: '1996-12-01' });
    expect(
      computeWarranty(
        { unitWarrantyMonths: 12, mainPartsWarrantyMonths: 12 },
        { purchaseDate: '1995-12-01', installDate: null },
        '1996-12-02',
      ).status,
    ).toBe('out_of_warranty');
  });
  it('moves from whole unit to main parts to out of warranty', () => {
    expect(at('2025-02-28')).toMatchObject({
      status: 'in_warranty',
      startsOn: '2024-02-29',
      unitUntil: '2025-02-28',
      mainPartsUntil: '2027-02-28',
    });
    expect(at('2025-03-01').status).toBe('main_parts_only');
    expect(at('2027-02-28').status).toBe('main_parts_only');
    expect(at('2027-03-01').status).toBe('out_of_warranty');
  });
  it('is unknown without a start date or without terms', () => {
    expect(at('2025-01-01', null).status).toBe('unknown');
    expect(
      computeWarranty(null, { purchaseDate: '2025-01-01', installDate: null }, '2025-01-02').status,
    ).toBe('unknown');
  });
  it('falls back to the install date when there is no invoice date', () => {
    expect(at('2026-01-10', null, '2025-01-10')).toMatchObject({
      status: 'in_warranty',
      startsOn: '2025-01-10',
      unitUntil: '2026-01-10',
    });
  });
  it('uses the invoice date even when installation was later', () => {
    expect(at('2026-01-15', '2025-01-10', '2025-02-01').status).toBe('main_parts_only');
  });
  it('never reports main parts beyond a shorter unit term, nor a zero-month term as covered', () => {
    const w = computeWarranty(
      { unitWarrantyMonths: 24, mainPartsWarrantyMonths: 12 },
      { purchaseDate: '2025-01-31', installDate: null },
      '2026-06-01',
    );
    expect(w).toMatchObject({ status: 'in_warranty', unitUntil: '2027-01-31', mainPartsUntil: '2027-01-31' });
    expect(
      computeWarranty(
        { unitWarrantyMonths: 0, mainPartsWarrantyMonths: 0 },
        { purchaseDate: '2025-01-31', installDate: null },
        '2025-01-31',
      ).status,
    ).toBe('out_of_warranty');
  });
});
