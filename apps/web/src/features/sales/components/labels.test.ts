import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { changeLocale, i18n } from '../../../i18n/index.ts';
import { contractBody, formPath } from './ContractForm.tsx';
import { pathLabel } from './labels.ts';

describe('sales form helpers', () => {
  it('words a contract field path for the import report', async () => {
    await changeLocale('zh-CN'); // loads the messages, which the bare i18next switch does not wait for
    expect(pathLabel(i18n.t, 'lines.1.quantity')).toBe('商品明细 #2 · 数量');
    expect(pathLabel(i18n.t, 'phones.0')).toBe('联系电话 #1');
    expect(pathLabel(i18n.t, 'requestedDate')).toBe('要求送货日期');
    expect(pathLabel(i18n.t, 'file')).toBe('file');
  });

  it('sends yuan as fen and leaves empty fields out so the server names them', () => {
    const body = contractBody({
      contractNo: ' HT-1 ',
      customerName: '',
      phones: ['13800138000', ' '],
      orderDate: dayjs('2026-12-07'),
      lines: [{ model: 'SF-1', quantity: 2, unitPrice: 1280.5 }],
    });
    expect(body).toMatchObject({
      contractNo: 'HT-1',
      customerName: undefined,
      phones: ['13800138000'],
      orderDate: '2026-12-07',
      requestedDate: undefined,
      lines: [{ model: 'SF-1', quantity: 2, unitPriceFen: 128050, needsInstallation: true }],
    });
  });

  it('puts a server path at the input it belongs to', () => {
    expect(formPath('lines.2.unitPriceFen')).toBe('lines.2.unitPrice');
    expect(formPath('phones')).toBe('phones.0');
    expect(formPath('lines.0.model')).toBe('lines.0.model');
  });
});
