import { describe, expect, it } from 'vitest';
import type { CallbackQuestion } from '@anxin/contracts';
import { screen, waitFor } from '@testing-library/react';
import { problem, renderPage } from '../../../../test/dom.tsx';
import { ContactConfirm, contactReady } from '../ContactConfirm.tsx';
import { RatingCard } from './RatingCard.tsx';

const QUESTIONS: CallbackQuestion[] = [
  { id: 'overall', kind: 'score', label: { 'zh-CN': '总体满意度', 'en-US': 'Overall' }, required: true },
  {
    id: 'resolved',
    kind: 'yes_no',
    label: { 'zh-CN': '问题是否解决', 'en-US': 'Resolved?' },
    required: true,
  },
];
const RATING = '/api/v1/portal/orders/o-1/rating';

describe('portal rating card', () => {
  it('asks for every required answer, sends once and thanks the customer (zh-CN)', async () => {
    const p = await renderPage(<RatingCard orderId="o-1" enabled />, {
      api: {
        [`GET ${RATING}`]: { state: 'open', questions: QUESTIONS },
        [`POST ${RATING}`]: { outcome: 'satisfied' },
      },
    });
    await screen.findByText('评价本次服务');
    await p.user.click(screen.getByTestId('rate-submit'));
    expect(await screen.findByText('请完成所有必答题')).toBeTruthy();
    expect(p.api.requests(`POST ${RATING}`)).toHaveLength(0);
    await p.user.click(screen.getAllByRole('radio')[4]!);
    await p.user.click(screen.getByTestId('rate-q-resolved-yes'));
    await p.user.click(screen.getByTestId('rate-submit'));
    await screen.findByText('感谢您的评价！');
    const sent = p.api.requests(`POST ${RATING}`);
    expect(sent[0]!.body).toEqual({ answers: { overall: 5, resolved: true } });
  });

  it('says it was rated already, and words a refusal in English', async () => {
    await renderPage(<RatingCard orderId="o-1" enabled />, {
      locale: 'en-US',
      api: { [`GET ${RATING}`]: { state: 'rated', questions: [] } },
    });
    expect(await screen.findByText(/You have already rated this service/)).toBeTruthy();
  });

  it('shows nothing when the order cannot be rated', async () => {
    const p = await renderPage(<RatingCard orderId="o-1" enabled />, {
      api: { [`GET ${RATING}`]: problem(409, 'callback.rating_not_open') },
    });
    await waitFor(() => expect(p.api.requests(`GET ${RATING}`)).toHaveLength(1));
    expect(screen.queryByText('评价本次服务')).toBeNull();
  });
});

describe('portal contact confirmation', () => {
  it('needs a name, a mobile and the tick', () => {
    expect(contactReady({ name: '王', phone: '13800000000', confirmed: true })).toBe(true);
    expect(contactReady({ name: '王', phone: '13800000000', confirmed: false })).toBe(false);
    expect(contactReady({ name: ' ', phone: '13800000000', confirmed: true })).toBe(false);
    expect(contactReady({ name: '王', phone: '1234', confirmed: true })).toBe(false);
  });

  it('shows the address on file and names what is missing (en-US)', async () => {
    await renderPage(
      <ContactConfirm value={{ name: '', phone: '1234', confirmed: false }} onChange={() => {}} tried />,
      {
        locale: 'en-US',
        api: {
          'GET /api/v1/portal/contact': {
            name: '王小明',
            phone: '13812345678',
            address: '广东省 广州市 天河区 体育西路1号',
          },
        },
      },
    );
    expect(await screen.findByText('广东省 广州市 天河区 体育西路1号')).toBeTruthy();
    expect(screen.getByText('Enter a contact name')).toBeTruthy();
    expect(screen.getByText('Enter an 11-digit mobile number')).toBeTruthy();
    expect(screen.getByText('Please confirm the service address and contact details')).toBeTruthy();
  });
});
