import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { OrderQuotes, PriceListView, Quote } from '@anxin/contracts';
import { problem, renderPage, staffMe } from '../../../test/dom.tsx';
import { QuoteCard } from './QuoteCard.tsx';

const ORDER = 'wo-1';
const QUOTES = `GET /api/v1/charges/orders/${ORDER}/quotes`;
const PRICES = 'GET /api/v1/charges/price-list';

const quote = (over: Partial<Quote> = {}): Quote => ({
  id: 'q-1',
  number: 'BW20261207-0001',
  orderId: ORDER,
  orderNumber: 'WX20261207-0001',
  revision: 1,
  status: 'sent',
  coverage: 'out_of_warranty',
  priceListId: 'pl-1',
  priceListVersionNo: 1,
  calloutKm: 12,
  lines: [
    {
      kind: 'labour',
      ref: 'repair',
      nameZh: '维修工时',
      nameEn: 'Repair',
      qty: 1,
      unitFen: 15_000,
      amountFen: 15_000,
    },
    {
      kind: 'callout',
      ref: 'km:10-30',
      nameZh: '上门费（10–30 公里）',
      nameEn: 'Call-out',
      qty: 1,
      unitFen: 5_000,
      amountFen: 5_000,
    },
  ],
  subtotalFen: 20_000,
  discountFen: 0,
  discountReason: '',
  totalFen: 20_000,
  paidFen: 0,
  balanceFen: 0,
  validUntil: '2026-12-14',
  sentAt: '2026-12-07T02:00:00.000Z',
  decidedAt: null,
  consent: null,
  declineReason: '',
  payments: [],
  customerName: '王小明',
  address: '测试路 1 号',
  createdAt: '2026-12-07T01:00:00.000Z',
  version: 2,
  ...over,
});
const listOf = (items: Quote[]): OrderQuotes => ({ coverage: 'out_of_warranty', quoteRequired: true, items });
const PRICE_VIEW: PriceListView = { current: null, upcoming: [], parts: [], categories: [] };

describe('quote card on the work-order page', () => {
  it('shows a sent quote, says work waits for it, and records the phone consent', async () => {
    const { user, api } = await renderPage(<QuoteCard orderId={ORDER} />, {
      api: {
        [QUOTES]: listOf([quote()]),
        [PRICES]: PRICE_VIEW,
        'POST /api/v1/charges/quotes/q-1/consent': quote({ status: 'approved', version: 3 }),
      },
    });
    const card = await screen.findByTestId('order-quotes');
    await within(card).findByTestId('quote-required');
    expect(within(card).getByTestId('quote-status').textContent).toBe('待客户确认');
    expect(within(card).getByTestId('quote-total').textContent).toBe('¥200.00');
    await user.click(within(card).getByTestId('quote-consent-open'));
    await user.type(await screen.findByTestId('consent-note'), '客户同意');
    await user.click(screen.getByTestId('consent-ok'));
    await waitFor(() => expect(api.requests('POST /api/v1/charges/quotes/q-1/consent')).toHaveLength(1));
    expect(api.requests('POST /api/v1/charges/quotes/q-1/consent')[0]!.body).toMatchObject({
      version: 2,
      decision: 'approved',
      consentBy: '王小明',
      note: '客户同意',
    });
  });

  it('words an overpayment refusal in yuan', async () => {
    const approved = quote({ status: 'approved', balanceFen: 20_000, version: 3 });
    const { user } = await renderPage(<QuoteCard orderId={ORDER} />, {
      api: {
        [QUOTES]: listOf([approved]),
        [PRICES]: PRICE_VIEW,
        'POST /api/v1/charges/quotes/q-1/payments': problem(409, 'charges.overpayment', {
          params: { balanceFen: 14_600 },
        }),
      },
    });
    await user.click(await screen.findByTestId('quote-pay'));
    await screen.findByTestId('payment-amount');
    await user.click(screen.getByTestId('payment-ok'));
    await screen.findByText('收款不能超过待收金额 ¥146.00。');
  });

  it('links the quotation and each receipt as PDF in the page language', async () => {
    const paid = quote({
      status: 'approved',
      version: 4,
      payments: [
        {
          id: 'pay-1',
          receiptNo: 'SK20261207-0001',
          quoteId: 'q-1',
          method: 'cash',
          reference: '',
          amountFen: 20_000,
          note: '',
          receivedAt: '2026-12-07T03:00:00.000Z',
          receivedBy: '李师傅',
        },
      ],
    });
    await renderPage(<QuoteCard orderId={ORDER} />, {
      api: { [QUOTES]: listOf([paid]), [PRICES]: PRICE_VIEW },
    });
    const pdf = await screen.findByTestId('quote-pdf');
    expect(pdf.getAttribute('href')).toBe('/api/v1/charges/quotes/q-1/quote.pdf?locale=zh-CN');
    expect(pdf.getAttribute('target')).toBe('_blank');
    expect(pdf.textContent).toContain('下载报价单 (PDF)');
    expect(screen.getByTestId('receipt-pdf-SK20261207-0001').getAttribute('href')).toBe(
      '/api/v1/charges/quotes/q-1/payments/pay-1/receipt.pdf?locale=zh-CN',
    );
  });

  it('has no PDF for a draft quote', async () => {
    await renderPage(<QuoteCard orderId={ORDER} />, {
      api: { [QUOTES]: listOf([quote({ status: 'draft', sentAt: null })]), [PRICES]: PRICE_VIEW },
    });
    await screen.findByTestId('order-quotes');
    await screen.findByTestId('quote-status');
    expect(screen.queryByTestId('quote-pdf')).toBeNull();
  });

  it('is not shown without charges:read', async () => {
    await renderPage(<QuoteCard orderId={ORDER} />, {
      me: staffMe({ roles: ['warehouse'], permissions: ['workorder:read'] }),
    });
    expect(screen.queryByTestId('order-quotes')).toBeNull();
  });
});
