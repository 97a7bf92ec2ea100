import { describe, expect, it } from 'vitest';
import { isAffected } from './criteria.ts';
import { figuresOf, smsText, wantsOrder } from './contact.ts';
import { stepOf } from './lifecycle.ts';
import { inRange, isValidRange, parseSerial } from './serial-range.ts';

const range = (from: string, to: string) => ({ from, to });

describe('serial ranges', () => {
  it('reads a serial as prefix + trailing number, keeping the width', () => {
    expect(parseSerial('sn00100')).toEqual({ prefix: 'SN', digits: '00100' });
    expect(parseSerial('AB12C0042')).toEqual({ prefix: 'AB12C', digits: '0042' });
    expect(parseSerial('123')).toEqual({ prefix: '', digits: '123' });
    expect(parseSerial('SN12A')).toBeNull();
  });

  it('accepts ranges of one prefix and width, in order', () => {
    expect(isValidRange(range('SN00100', 'SN00199'))).toBe(true);
    expect(isValidRange(range('SN00100', 'SN00100'))).toBe(true);
    expect(isValidRange(range('SN00199', 'SN00100'))).toBe(false);
    expect(isValidRange(range('SN00100', 'XN00199'))).toBe(false);
    expect(isValidRange(range('SN00100', 'SN0199'))).toBe(false);
    expect(isValidRange(range('SN0010A', 'SN00199'))).toBe(false);
  });

  it('matches the boundaries inclusive and nothing outside', () => {
    const r = range('SN00100', 'SN00199');
    for (const s of ['SN00100', 'SN00150', 'SN00199', 'sn00150', ' SN00150 '])
      expect(inRange(r, s)).toBe(true);
    for (const s of ['SN00099', 'SN00200', 'SN0150', 'SN000150', 'XN00150', 'SN00150A', 'SNX00150', 'S00150'])
      expect(inRange(r, s)).toBe(false);
  });

  it('keeps letters inside the prefix and compares numbers beyond 2^53', () => {
    expect(inRange(range('AB12C0001', 'AB12C0099'), 'AB12C0042')).toBe(true);
    expect(inRange(range('AB12C0001', 'AB12C0099'), 'AB13C0042')).toBe(false);
    const big = range('P90071992547409910', 'P90071992547409919');
    expect(inRange(big, 'P90071992547409915')).toBe(true);
    expect(inRange(big, 'P90071992547409920')).toBe(false);
  });

  it('never matches with a broken range', () => {
    expect(inRange(range('SN00199', 'SN00100'), 'SN00150')).toBe(false);
  });
});

describe('affected products', () => {
  const p = (serial: string, modelId = 'm1', productionBatch: string | null = null) => ({
    serial,
    modelId,
    productionBatch,
  });
  it('takes every product of a model when no range or batch is named', () => {
    const c = { modelIds: ['m1'], serialRanges: [], batches: [] };
    expect(isAffected(c, p('ANY1'))).toBe(true);
    expect(isAffected(c, p('ANY1', 'm2'))).toBe(false);
  });
  it('takes a range or a batch, within the models when named', () => {
    const c = { modelIds: ['m1'], serialRanges: [range('SN100', 'SN199')], batches: ['B2026-07'] };
    expect(isAffected(c, p('SN150'))).toBe(true);
    expect(isAffected(c, p('SN250', 'm1', 'b2026-07'))).toBe(true);
    expect(isAffected(c, p('SN250', 'm1', 'B2026-08'))).toBe(false);
    expect(isAffected(c, p('SN150', 'm2'))).toBe(false);
    expect(isAffected({ ...c, modelIds: [] }, p('SN150', 'm2'))).toBe(true);
  });
  it('affects nothing with empty criteria', () => {
    expect(isAffected({ modelIds: [], serialRanges: [], batches: [] }, p('SN150'))).toBe(false);
  });
});

describe('lifecycle and figures', () => {
  it('allows draft → active → closed only', () => {
    expect(stepOf('draft', 'active')?.event).toBe('launched');
    expect(stepOf('active', 'closed')?.event).toBe('closed');
    expect(stepOf('draft', 'closed')).toBeUndefined();
    expect(stepOf('closed', 'active')).toBeUndefined();
  });
  it('computes completion against the affected population', () => {
    expect(
      figuresOf({ affected: 3, contacted: 2, reached: 1, ordersCreated: 1, completed: 1 }).completionPct,
    ).toBe(33.3);
    expect(
      figuresOf({ affected: 0, contacted: 0, reached: 0, ordersCreated: 0, completed: 0 }).completionPct,
    ).toBe(0);
  });
  it('orders for booked products, or every product not refused', () => {
    expect(wantsOrder('booked', 'booked')).toBe(true);
    expect(wantsOrder('reached', 'booked')).toBe(false);
    expect(wantsOrder('pending', 'all')).toBe(true);
    expect(wantsOrder('refused', 'all')).toBe(false);
  });
  it('fills the SMS text', () => {
    expect(smsText('{title}: {serial} {serial}', { serial: 'SN1', title: 'T' })).toBe('T: SN1 SN1');
  });
});
