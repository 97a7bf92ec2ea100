import { describe, expect, it } from 'vitest';
import { render, tagOf, testIds, textOf } from '../../../test/render.tsx';
import { settlementZhCN } from '../locales/zh-CN.ts';
import { line, statement } from '../statement/fixtures.ts';
import { StatementLinesTable } from './StatementLinesTable.tsx';
import { StatementSummaryCard } from './StatementSummaryCard.tsx';

const noop = () => {};
const fee = line({ kind: 'fee', amountFen: 123_456 });
const deduction = line({
  kind: 'deduction',
  amountFen: -5_000,
  disputed: true,
  disputeComment: '师傅已按时上门',
});
const adjustment = line({
  kind: 'adjustment',
  targetKey: fee.lineKey,
  amountFen: 2_000,
  reason: '补远郊差价',
});

const table = (
  s: ReturnType<typeof statement>,
  opts: { disputes?: Record<string, string>; canAppeal?: boolean } = {},
) =>
  render(
    <StatementLinesTable
      s={s}
      disputes={opts.disputes ?? {}}
      canAppeal={opts.canAppeal ?? false}
      onToggleDispute={noop}
      onAdjust={noop}
      onAppeal={noop}
    />,
  );

describe('statement lines table', () => {
  it('shows one row per line with its kind, order and amount in yuan', async () => {
    const html = await table(statement([fee, deduction, adjustment]));
    expect(testIds(html, 'stl-line-').filter((id) => /^stl-line-\d+$/.test(id))).toEqual(
      [fee, deduction, adjustment].map((l) => `stl-line-${l.seq}`),
    );
    expect(tagOf(html, `stl-line-${deduction.seq}`)).toContain('data-kind="deduction"');
    expect(tagOf(html, `stl-line-${fee.seq}`)).toContain(`data-order="${fee.orderNumber}"`);
    const text = textOf(html);
    expect(text).toContain('1,234.56');
    expect(text).toContain('-50.00');
    expect(text).toContain(settlementZhCN.kind.deduction);
    expect(text).toContain('师傅已按时上门');
    expect(text).toContain('补远郊差价');
  });

  it('gives the outlet a dispute button on its lines while it may dispute, and nothing else', async () => {
    const html = await table(
      statement([fee, deduction, adjustment], { allowed: ['disputed', 'confirmed'] }),
      {
        disputes: { [fee.id]: '' },
      },
    );
    expect(testIds(html, 'stl-dispute-')).toEqual([`stl-dispute-${fee.seq}`, `stl-dispute-${deduction.seq}`]);
    expect(testIds(html, 'stl-adjust-')).toEqual([]);
    // A line already chosen offers to take it back out (a plain button), the others to dispute (danger).
    expect(tagOf(html, `stl-dispute-${fee.seq}`)).not.toContain('ant-btn-dangerous');
    expect(tagOf(html, `stl-dispute-${deduction.seq}`)).toContain('ant-btn-dangerous');
  });

  it('gives finance adjust buttons on generated lines and appeals on order deductions', async () => {
    const html = await table(statement([fee, deduction, adjustment], { canAdjust: true }), {
      canAppeal: true,
    });
    expect(testIds(html, 'stl-dispute-')).toEqual([]);
    expect(testIds(html, 'stl-adjust-')).toEqual([`stl-adjust-${fee.seq}`, `stl-adjust-${deduction.seq}`]);
    expect(testIds(html, 'stl-appeal-')).toEqual([`stl-appeal-${deduction.seq}`]);
  });

  it('speaks English for an en-US user', async () => {
    const html = await render(
      <StatementLinesTable
        s={statement([fee])}
        disputes={{}}
        canAppeal={false}
        onToggleDispute={noop}
        onAdjust={noop}
        onAppeal={noop}
      />,
      'en-US',
    );
    expect(textOf(html)).not.toContain(settlementZhCN.kind.fee);
  });
});

describe('statement summary', () => {
  it('shows the total and the parts in yuan', async () => {
    const s = statement([fee, deduction, adjustment], { paymentReference: 'PAY-778' });
    const html = await render(<StatementSummaryCard s={s} />);
    expect(tagOf(html, 'stl-total')).not.toBeNull();
    const text = textOf(html);
    expect(text).toContain('1,204.56'); // 1,234.56 − 50.00 + 20.00
    expect(text).toContain('PAY-778');
    expect(text).toContain(settlementZhCN.detail.total);
  });
});
