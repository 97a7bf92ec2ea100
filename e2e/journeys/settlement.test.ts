import { describe, expect, it } from 'vitest';
import {
  apiAs,
  beijingDate,
  coverageOf,
  createCaller,
  createRepairAwaitingDispatch,
  move,
  workThrough,
} from '../factories.ts';
import { shot, usePeople } from '../harness.ts';

const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';

interface Statement {
  id: string;
  status: string;
  totalFen: number;
  lines: Array<{ seq: number; kind: string; amountFen: number }>;
}

const people = usePeople();
const { errors } = people;
const open = (username: string) => people.open(username);
const requestContext = async () => ({ request: await people.requestContext() });

describe('settlement', () => {
  it('an outlet manager disputes a statement line; finance adjusts it and approves the corrected statement', async () => {
    // GD001 repairs and closes an order of its own this month, created for this journey (a new
    // customer of its area); the statement is this month's, so no past demo history is needed.
    const admin = await apiAs((await requestContext()).request, people.app.url, 'admin');
    const agent = await apiAs((await requestContext()).request, people.app.url, 'agent');
    const where = await coverageOf(admin, OUTLET);
    const outletId = where.outletId;
    const created = await createRepairAwaitingDispatch(agent, await createCaller(admin, where));
    const done = await workThrough(admin, created.id, outletId);
    expect((await move(admin, done, 'closed')).status).toBe('closed');
    const month = beijingDate().slice(0, 7);
    const finance = await open('finance');
    const financeApi = await apiAs(finance.request, people.app.url, 'finance');
    await financeApi('POST', '/api/v1/settlement/statements', { month, outletId });

    // --- the outlet manager disputes the first fee line
    const manager = await open('outlet_manager');
    await manager.goto(`${people.app.url}/settlement?month=${month}`);
    await manager.getByTestId(`stl-open-${OUTLET}`).click(POLL);
    const fee = manager.locator('tr[data-kind="fee"]').first();
    await fee.waitFor(POLL);
    const seq = (await fee.getAttribute('data-testid'))!.replace('stl-line-', '');
    await manager.getByTestId(`stl-dispute-${seq}`).click();
    await manager
      .getByTestId(`stl-dispute-comment-${seq}`)
      .fill('该单客户住址在远郊，应按 20 公里以上档计费');
    await manager.getByTestId('stl-dispute-submit').click();
    await expect.poll(() => manager.getByTestId('stl-status').innerText(), POLL).toContain('异议');
    await shot(manager, 'settlement-disputed');
    const statementId = new URL(manager.url()).pathname.split('/').pop()!;

    // --- finance adjusts the disputed line and approves
    await finance.goto(`${people.app.url}/settlement/statements/${statementId}`);
    await finance.getByTestId(`stl-adjust-${seq}`).click(POLL);
    const before = await financeApi<Statement>('GET', `/api/v1/settlement/statements/${statementId}`);
    const line = before.lines.find((l) => String(l.seq) === seq)!;
    const newYuan = ((line.amountFen + 2000) / 100).toFixed(2);
    const amount = finance.getByTestId('stl-adjust-amount');
    const tag = await amount.evaluate((e) => e.tagName);
    await (tag === 'INPUT' ? amount : amount.locator('input').first()).fill(newYuan);
    await finance.getByTestId('stl-adjust-reason').fill('核实客户地址属远郊，按 20 公里以上档补差');
    await finance.getByTestId('stl-adjust-submit').click();
    await expect
      .poll(
        async () =>
          (await financeApi<Statement>('GET', `/api/v1/settlement/statements/${statementId}`)).totalFen,
        POLL,
      )
      .toBe(before.totalFen + 2000);
    await finance.getByTestId('stl-approve').click();
    const reason = finance.getByTestId('stl-approve-text');
    if (await reason.isVisible().catch(() => false)) {
      await reason.fill('争议已按核实结果调整');
      await finance.getByTestId('stl-approve-submit').click();
    }
    await expect
      .poll(
        async () =>
          (await financeApi<Statement>('GET', `/api/v1/settlement/statements/${statementId}`)).status,
        POLL,
      )
      .toBe('approved');
    await shot(finance, 'settlement-approved');

    // The approved statement adds up, line by line, in integer fen.
    const after = await financeApi<Statement>('GET', `/api/v1/settlement/statements/${statementId}`);
    expect(after.lines.every((l) => Number.isInteger(l.amountFen))).toBe(true);
    expect(after.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(after.totalFen);
    expect(errors).toEqual([]);
  });
});
