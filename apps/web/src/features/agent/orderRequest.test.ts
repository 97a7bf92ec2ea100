import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { CustomerDetail } from '@anxin/contracts';
import type { LookupItem } from '../customers/index.ts';
import { followUpOf, orderDefaults, toCreateRequest, type OrderValues } from './orderRequest.ts';

const address = (id: string, isDefault: boolean) =>
  ({
    id,
    provinceCode: '44',
    cityCode: '4401',
    districtCode: '440106',
    detail: `天河路 ${id} 号`,
    isDefault,
  }) as never;
const product = (id: string, purchaseDate: string, installDate: string | null = null) =>
  ({ id, purchaseDate, installDate }) as never;

const caller = (over: Partial<LookupItem> = {}): LookupItem =>
  ({
    id: 'c1',
    name: '王小明',
    phones: [
      { phone: '020-1234567', masked: false, isPrimary: false },
      { phone: '13812345678', masked: false, isPrimary: true },
    ],
    defaultAddress: address('a1', true),
    products: [
      product('p-old', '2023-05-01'),
      product('p-new', '2025-02-01'),
      product('p-mid', '2024-01-01', '2024-12-31'),
    ],
    ...over,
  }) as LookupItem;

const values = (over: Partial<OrderValues> = {}): OrderValues => ({
  ...orderDefaults(caller(), undefined),
  ...over,
});

describe('order form defaults', () => {
  it('pre-fills a hotline repair for the latest product, the primary phone and the default address', () => {
    expect(orderDefaults(caller(), undefined)).toMatchObject({
      type: 'repair',
      channel: 'hotline',
      urgency: 'normal',
      productId: 'p-new',
      contactName: '王小明',
      contactPhone: '13812345678',
      addressId: 'a1',
      windows: [],
      agreeFirstWindow: false,
      remoteResolved: false,
    });
  });

  it('leaves a masked phone out and prefers the loaded record (its addresses and products)', () => {
    const masked = caller({ phones: [{ phone: '138****5678', masked: true, isPrimary: true }] as never });
    const detail = {
      addresses: [address('a2', false), address('a3', true)],
      products: [product('p-only', '2020-01-01')],
    } as unknown as CustomerDetail;
    expect(orderDefaults(masked, detail)).toMatchObject({
      contactPhone: undefined,
      addressId: 'a3',
      productId: 'p-only',
    });
  });
});

describe('create request', () => {
  it('sends the last fault picked with only its own symptoms, and six-digit region codes', () => {
    const req = toCreateRequest(
      values({
        fault: [['f1', 's1'], ['f2'], ['f2', 's3'], ['f2', 's4']],
        faultDescription: '  不制冷  ',
        contactName: ' ',
      }),
      'c1',
      [address('a1', true)],
    );
    expect(req).toMatchObject({
      customerId: 'c1',
      faultCodeId: 'f2',
      symptomCodes: ['s3', 's4'],
      faultDescription: '不制冷',
      contactName: undefined,
      address: { provinceCode: '440000', cityCode: '440100', districtCode: '440106', detail: '天河路 a1 号' },
    });
  });

  it('sends only complete visit windows, in Beijing time', () => {
    const day = dayjs('2026-12-08');
    const req = toCreateRequest(
      values({ windows: [{ date: day, slot: '13:00-18:00' }, { date: day }, { slot: '09:00-12:00' }] }),
      'c1',
      [],
    );
    expect(req.preferredWindows).toHaveLength(1);
    expect(req.preferredWindows).toEqual([
      { start: '2026-12-08T13:00:00+08:00', end: '2026-12-08T18:00:00+08:00' },
    ]);
    expect(req.address).toBeUndefined();
  });

  it('queues an order needing a visit for dispatch; a call resolved on the phone stays for its follow-up', () => {
    expect(toCreateRequest(values({ remoteResolved: false }), 'c1', []).handoff).toBe('dispatch');
    expect(toCreateRequest(values({ remoteResolved: true }), 'c1', []).handoff).toBeUndefined();
  });
});

describe('follow-up after creation', () => {
  const day = dayjs('2026-12-08');
  it('resolves on the phone when guidance was given, else books the first window when agreed', () => {
    expect(followUpOf({ ...values(), remoteResolved: true, guidance: ' 重启路由器 ' })).toEqual({
      kind: 'remote',
      guidance: '重启路由器',
    });
    const booked = followUpOf({
      ...values(),
      agreeFirstWindow: true,
      windows: [{ date: day, slot: '09:00-12:00' }],
    });
    expect(booked).toEqual({
      kind: 'appointment',
      window: { start: '2026-12-08T09:00:00+08:00', end: '2026-12-08T12:00:00+08:00' },
    });
    expect(followUpOf({ ...values(), agreeFirstWindow: true, windows: [] })).toBeNull();
    expect(followUpOf(values())).toBeNull();
  });
});
