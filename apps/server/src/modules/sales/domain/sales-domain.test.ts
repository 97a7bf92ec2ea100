import { describe, expect, it } from 'vitest';
import { calendar, sh } from '../../../platform/calendar/test-helpers.ts';
import { availableDateOf, batchDateOf, factoryDates } from './batch.ts';
import { contractConsistency, totalFenOf } from './contract-rules.ts';
import { groupImportRows } from './import-rows.ts';
import { contractMove, sampleMove } from './lifecycle.ts';

const cal = calendar();

describe('the daily batch (cut-off 17:00, Beijing time)', () => {
  it('keeps a working-day contract entered before the cut-off on that day', () => {
    expect(batchDateOf(sh('2026-12-07 16:59'), '17:00', cal)).toBe('2026-12-07');
  });
  it('moves a contract entered at or after the cut-off to the next working day', () => {
    expect(batchDateOf(sh('2026-12-07 17:00'), '17:00', cal)).toBe('2026-12-08');
    // Friday evening → Monday.
    expect(batchDateOf(sh('2026-12-04 18:30'), '17:00', cal)).toBe('2026-12-07');
  });
  it('reads the cut-off from the setting', () => {
    expect(batchDateOf(sh('2026-12-07 17:30'), '18:00', cal)).toBe('2026-12-07');
  });
  it('moves a contract entered in the 国庆 holiday to the first working day after it', () => {
    expect(batchDateOf(sh('2026-10-03 10:00'), '17:00', cal)).toBe('2026-10-08');
    // 30 September after the cut-off: the holiday is skipped as a whole.
    expect(batchDateOf(sh('2026-09-30 17:05'), '17:00', cal)).toBe('2026-10-08');
  });
  it('treats a 调休 Saturday as a working day and skips 春节', () => {
    // Saturday 14 February 2026 is a working day before the Spring Festival holiday.
    expect(batchDateOf(sh('2026-02-14 09:00'), '17:00', cal)).toBe('2026-02-14');
    expect(batchDateOf(sh('2026-02-14 17:01'), '17:00', cal)).toBe('2026-02-24');
    expect(batchDateOf(sh('2026-02-18 11:00'), '17:00', cal)).toBe('2026-02-24');
  });
  it('uses Beijing time, not UTC (16:30 UTC is past midnight in Beijing)', () => {
    expect(batchDateOf(new Date('2026-12-07T16:30:00Z'), '17:00', cal)).toBe('2026-12-08');
  });
});

describe('factory dates', () => {
  it('orders the next working day and expects the goods after the lead time in working days', () => {
    const p = { factoryOrderAfterWorkingDays: 1, factoryLeadWorkingDays: 7 };
    expect(factoryDates('2026-12-04', p, cal)).toEqual({
      orderDate: '2026-12-07',
      expectedDate: '2026-12-16',
    });
    expect(factoryDates('2026-09-30', p, cal).orderDate).toBe('2026-10-08');
  });
  it('gives the available date only when every line has a day, the latest of them', () => {
    const reserved = { state: 'reserved', reservedOn: '2026-12-07', expectedDate: null };
    const factory = { state: 'factory_order', reservedOn: null, expectedDate: '2026-12-16' };
    expect(availableDateOf([reserved, factory])).toBe('2026-12-16');
    expect(availableDateOf([reserved])).toBe('2026-12-07');
    expect(
      availableDateOf([reserved, { state: 'pending', reservedOn: null, expectedDate: null }]),
    ).toBeNull();
  });
});

describe('contract consistency', () => {
  it('names the requested date before the order date, a future order date and a phone given twice', () => {
    const errors = contractConsistency(
      { orderDate: '2026-12-09', requestedDate: '2026-12-08', phones: ['138 0013 8000', '13800138000'] },
      '2026-12-07',
    );
    expect(errors.map((e) => [e.path, e.rule])).toEqual([
      ['orderDate', 'not_in_future'],
      ['requestedDate', 'order'],
      ['phones.1', 'distinct'],
    ]);
  });
  it('adds up the lines in fen', () => {
    expect(
      totalFenOf([
        { quantity: 2, unitPriceFen: 150_00 },
        { quantity: 1, unitPriceFen: 99 },
      ]),
    ).toBe(300_99);
  });
});

describe('Excel rows', () => {
  it('groups the rows of one contract number and names a contract field that differs on a later row', () => {
    const groups = groupImportRows([
      {
        row: 2,
        cells: {
          contractNo: 'X1',
          customerName: '张三',
          phones: '13800138000、010-12345678',
          model: 'A',
          quantity: '2',
          unitPrice: '1,280.50',
        },
      },
      {
        row: 3,
        cells: {
          contractNo: 'X1',
          customerName: '李四',
          model: 'B',
          quantity: 'two',
          needsInstallation: '否',
        },
      },
      { row: 4, cells: { contractNo: 'X2', model: 'C' } },
    ]);
    expect(groups.map((g) => [g.contractNo, g.rows])).toEqual([
      ['X1', [2, 3]],
      ['X2', [4]],
    ]);
    const x1 = groups[0]!;
    expect(x1.raw.phones).toEqual(['13800138000', '010-12345678']);
    expect(x1.raw.lines).toEqual([
      {
        model: 'A',
        productName: undefined,
        category: undefined,
        quantity: 2,
        unitPriceFen: 128050,
        needsInstallation: true,
      },
      {
        model: 'B',
        productName: undefined,
        category: undefined,
        quantity: 'two',
        unitPriceFen: undefined,
        needsInstallation: false,
      },
    ]);
    expect(x1.errors.map((e) => [e.path, e.rule])).toEqual([['customerName', 'consistent']]);
  });
});

describe('state tables', () => {
  it('books only stock-checked contracts (again after an exception) and cancels only before booking', () => {
    expect(contractMove('entered', 'booked')).toEqual({
      ok: false,
      from: 'entered',
      allowed: ['check_stock', 'cancel'],
    });
    expect(contractMove('stock_checked', 'booked')).toEqual({ ok: true, to: 'booked' });
    expect(contractMove('exception', 'booked')).toEqual({ ok: true, to: 'booked' });
    expect(contractMove('booked', 'cancel').ok).toBe(false);
  });
  it('lets the manager approve a display and a removal, and a rejected removal keeps the sample on display', () => {
    expect(sampleMove('pending_display', 'approve')).toBe('on_display');
    expect(sampleMove('pending_removal', 'approve')).toBe('removed');
    expect(sampleMove('pending_removal', 'reject')).toBe('on_display');
    expect(sampleMove('removed', 'approve')).toBeNull();
  });
});
