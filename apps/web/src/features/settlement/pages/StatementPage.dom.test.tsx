import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { StatementDetail } from '@anxin/contracts';
import { fieldErrors, problem, renderPage, staffMe, type Routes } from '../../../test/dom.tsx';
import { line, statement } from '../statement/fixtures.ts';
import StatementPage from './StatementPage.tsx';

const fee = line({ kind: 'fee', amountFen: 123_456 });
const deduction = line({ kind: 'deduction', amountFen: -5_000, description: '超时扣款' });
const P = '/api/v1/settlement/statements/st-1';

const open = (s: StatementDetail, more: Routes = {}, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
  renderPage(<StatementPage />, {
    url: '/settlement/st-1',
    path: '/settlement/:id',
    locale,
    me: staffMe(),
    api: { [`GET ${P}`]: s, ...more },
  });

/** An outlet's draft statement: it may confirm it or dispute lines. */
const forOutlet = (over: Partial<StatementDetail> = {}) =>
  statement([fee, deduction], { allowed: ['confirmed', 'disputed'], version: 4, ...over });

describe('settlement statement page', () => {
  it('shows the lines and the totals in yuan', async () => {
    await open(forOutlet());
    expect((await screen.findByTestId('stl-number')).textContent).toBe('JS-GD001-202611');
    expect(screen.getByTestId('stl-total').textContent).toBe('1,184.56');
    const feeRow = screen.getByTestId(`stl-line-${fee.seq}`);
    expect(within(feeRow).getByTestId('stl-line-amount').textContent).toBe('1,234.56');
    expect(within(feeRow).getByText('服务费')).toBeTruthy();
    const dedRow = screen.getByTestId(`stl-line-${deduction.seq}`);
    expect(within(dedRow).getByTestId('stl-line-amount').textContent).toBe('-50.00');
    expect(within(dedRow).getByText('超时扣款')).toBeTruthy();
    expect(screen.getByText('GD001 广州天河服务中心 · 2026-11')).toBeTruthy();
  });

  it('links the statement PDF in the language of the page', async () => {
    await open(forOutlet(), {}, 'en-US');
    const pdf = await screen.findByTestId('stl-pdf');
    expect(pdf.getAttribute('href')).toBe('/api/v1/settlement/statements/st-1/statement.pdf?locale=en-US');
    expect(pdf.textContent).toContain('Statement (PDF)');
  });

  it('lets the outlet confirm the statement at its version', async () => {
    const { user, api } = await open(forOutlet(), {
      [`POST ${P}/respond`]: forOutlet({ status: 'confirmed', allowed: [] }),
    });
    await user.click(await screen.findByTestId('stl-confirm'));
    await waitFor(() => expect(api.requests(`POST ${P}/respond`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/respond`)[0]!.body).toEqual({ action: 'confirm', version: 4 });
    expect(await screen.findByText('已确认结算单')).toBeTruthy();
  });

  it('sends the disputed lines with their comments, and only once every line has one', async () => {
    const { user, api } = await open(forOutlet(), { [`POST ${P}/respond`]: forOutlet() });
    await user.click(await screen.findByTestId(`stl-dispute-${deduction.seq}`));
    const submit = await screen.findByTestId('stl-dispute-submit');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByTestId(`stl-dispute-comment-${deduction.seq}`), '师傅按时上门');
    await user.click(submit);
    await waitFor(() => expect(api.requests(`POST ${P}/respond`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/respond`)[0]!.body).toEqual({
      action: 'dispute',
      version: 4,
      lines: [{ lineId: deduction.id, comment: '师傅按时上门' }],
    });
  });

  it('lets finance approve a statement without disputes in one click', async () => {
    const s = statement([fee], { status: 'confirmed', allowed: ['approved', 'draft'], version: 6 });
    const { user, api } = await open(s, { [`POST ${P}/transitions`]: { ...s, status: 'approved' } });
    await user.click(await screen.findByTestId('stl-approve'));
    await waitFor(() => expect(api.requests(`POST ${P}/transitions`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/transitions`)[0]!.body).toEqual({ to: 'approved', version: 6 });
    expect(await screen.findByText('已审批')).toBeTruthy();
  });

  it('asks finance why before approving over open disputes, and sends the reason', async () => {
    const disputed = line({ kind: 'deduction', amountFen: -3_000, disputed: true, disputeComment: '有误' });
    const s = statement([fee, disputed], { status: 'disputed', allowed: ['approved'], version: 2 });
    const { user, api } = await open(s, { [`POST ${P}/transitions`]: { ...s, status: 'approved' } });
    await user.click(await screen.findByTestId('stl-approve'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('仍有 1 行异议未调整。如维持原金额审批，请说明理由。')).toBeTruthy();
    await user.click(screen.getByTestId('stl-approve-submit'));
    await waitFor(() => expect(fieldErrors('审批说明', dialog)).toHaveLength(1));
    expect(api.requests(`POST ${P}/transitions`)).toHaveLength(0);

    await user.type(screen.getByTestId('stl-approve-text'), '扣款依据充分');
    await user.click(screen.getByTestId('stl-approve-submit'));
    await waitFor(() => expect(api.requests(`POST ${P}/transitions`)).toHaveLength(1));
    expect(api.requests(`POST ${P}/transitions`)[0]!.body).toEqual({
      to: 'approved',
      version: 2,
      reason: '扣款依据充分',
    });
  });

  it('words a refusal from its code and parameters, in English for an English user', async () => {
    const { user } = await open(
      forOutlet(),
      {
        [`POST ${P}/respond`]: problem(409, 'settlement.statement_locked', {
          params: { number: 'JS-GD001-202611', status: 'approved' },
        }),
      },
      'en-US',
    );
    await user.click(await screen.findByTestId('stl-confirm'));
    const alert = await screen.findByTestId('problem-alert');
    expect(alert.dataset.code).toBe('settlement.statement_locked');
    expect(alert.textContent).toContain('JS-GD001-202611');
    expect(alert.textContent).not.toContain('server detail');
    expect(screen.getByTestId('stl-confirm').textContent).toBe('Confirm statement');
  });
});
