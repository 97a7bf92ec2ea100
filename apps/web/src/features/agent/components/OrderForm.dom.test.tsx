import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { FaultTree } from '@anxin/contracts';
import type { LookupItem } from '../../customers/index.ts';
import { fieldErrors, problem, renderPage, type Routes } from '../../../test/dom.tsx';
import { OrderForm, type OrderOutcome } from './OrderForm.tsx';

const CUSTOMER = {
  id: 'c1',
  kind: 'individual',
  name: '王小明',
  companyName: null,
  tier: 'standard',
  version: 1,
  matchedBy: 'phone',
  phones: [{ id: 'ph1', phone: '13812345678', masked: false, label: '手机', isPrimary: true }],
  defaultAddress: {
    id: 'a1',
    label: '家',
    provinceCode: '44',
    cityCode: '4401',
    districtCode: '440106',
    regionName: '广东省 广州市 天河区',
    detail: '天河路 1 号',
    lat: null,
    lng: null,
    isDefault: true,
  },
  products: [
    {
      id: 'p1',
      customerId: 'c1',
      modelId: 'm1',
      modelCode: 'KFR-35',
      modelName: '睡眠空调',
      categoryCode: 'AC',
      brand: '安心',
      serial: 'SN0001',
      purchaseDate: '2025-06-01',
      salesChannel: null,
      invoiceNo: null,
      installDate: null,
      warrantyCardNo: null,
      warrantyActivatedAt: null,
      addressId: 'a1',
      version: 1,
      warranty: {
        status: 'in_warranty',
        startsOn: '2025-06-01',
        unitUntil: '2026-06-01',
        mainPartsUntil: '2031-06-01',
        asOf: '2026-12-07',
      },
    },
  ],
  orders: null,
} as unknown as LookupItem;

const code = (id: string, kind: 'fault' | 'symptom', nameZh: string, parentId: string | null = null) => ({
  id,
  categoryCode: 'AC',
  parentId,
  code: id.toUpperCase(),
  kind,
  nameZh,
  nameEn: nameZh,
  active: true,
});

const FAULTS: FaultTree = {
  categoryCode: 'AC',
  faults: [
    { ...code('f-cool', 'fault', '制冷故障'), symptoms: [code('s-warm', 'symptom', '吹热风', 'f-cool')] },
  ],
};

const CREATE = 'POST /api/v1/work-orders';
const created = { order: { id: 'wo-9', number: 'WX20261207-0009', version: 1 }, warnings: [] };

const formApi = (more: Routes = {}): Routes => ({
  'GET /api/v1/visit-slots': {
    slots: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  },
  'GET /api/v1/catalog/categories/AC/fault-codes': FAULTS,
  'GET /api/v1/work-orders/open-for-product/p1': { items: [] },
  ...more,
});

const openForm = async (api: Routes) => {
  const onCreated = vi.fn<(o: OrderOutcome) => void>();
  const page = await renderPage(<OrderForm customer={CUSTOMER} detail={undefined} onCreated={onCreated} />, {
    api,
  });
  // The caller's defaults are in once the contact name shows.
  await waitFor(() =>
    expect((screen.getByTestId('order-contact-name') as HTMLInputElement).value).toBe('王小明'),
  );
  return { ...page, onCreated };
};

describe('order form', () => {
  beforeEach(() => {
    // Only the clock is fake: "today" is 2026-12-07 in Beijing, so a new window starts 12-08.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T02:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows what is missing or wrong beside each field and sends nothing', async () => {
    const { user, api } = await openForm(formApi({ [CREATE]: created }));
    const form = screen.getByTestId('order-form');
    await user.click(screen.getByTestId('order-remote-resolved'));
    const phone = screen.getByTestId('order-contact-phone');
    await user.clear(phone);
    await user.type(phone, 'call me');
    await user.click(screen.getByTestId('order-submit'));

    await waitFor(() => expect(fieldErrors('远程指导内容', form)).toEqual(['请记录给客户的指导内容']));
    expect(fieldErrors('联系电话', form)).toEqual(['请输入有效的电话号码']);
    expect(fieldErrors('联系人', form)).toEqual([]);
    expect(api.requests(CREATE)).toHaveLength(0);
  });

  it('sends the caller, product, fault, urgency, address and preferred window as filled in', async () => {
    const { user, api, onCreated } = await openForm(formApi({ [CREATE]: created }));
    await user.click(screen.getByTestId('order-type-install'));
    await user.click(screen.getByRole('radio', { name: '紧急' }));
    await user.type(screen.getByTestId('order-description'), '  不制冷，开机吹热风 ');

    // The fault: a symptom picked under its fault category.
    await user.click(screen.getByTestId('order-fault'));
    await user.click(await screen.findByText('制冷故障'));
    await user.click(await screen.findByText('吹热风'));

    await user.click(screen.getByTestId('order-add-window'));
    await user.click(await within(screen.getByTestId('order-window-slot-0')).findByText('下午 14:00–18:00'));
    await user.click(screen.getByTestId('order-submit'));

    await waitFor(() => expect(api.requests(CREATE)).toHaveLength(1));
    expect(api.requests(CREATE)[0]!.body).toEqual({
      type: 'install',
      channel: 'hotline',
      customerId: 'c1',
      productId: 'p1',
      faultDescription: '不制冷，开机吹热风',
      faultCodeId: 'f-cool',
      symptomCodes: ['s-warm'],
      urgency: 'high',
      contactName: '王小明',
      contactPhone: '13812345678',
      address: { provinceCode: '440000', cityCode: '440100', districtCode: '440106', detail: '天河路 1 号' },
      preferredWindows: [{ start: '2026-12-08T14:00:00+08:00', end: '2026-12-08T18:00:00+08:00' }],
      handoff: 'dispatch',
    });
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0]![0]).toEqual({ result: created, followUpError: null });
  });

  it('shows a refusal tied to a field at that field, in words', async () => {
    const { user, api, onCreated } = await openForm(
      formApi({
        [CREATE]: problem(400, 'request.validation_failed', {
          errors: [{ path: 'productId', rule: 'belongs_to_customer' }],
        }),
      }),
    );
    await user.click(screen.getByTestId('order-submit'));
    const form = screen.getByTestId('order-form');
    await waitFor(() => expect(fieldErrors('产品', form)).toEqual(['必须属于该客户。']));
    expect(within(form).getByTestId('problem-alert').dataset.code).toBe('request.validation_failed');
    expect(document.body.textContent).not.toContain('server detail');
    expect(api.requests(CREATE)).toHaveLength(1);
    expect(onCreated).not.toHaveBeenCalled();
  });
});
