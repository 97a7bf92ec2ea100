import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { problem, renderPage, type Routes } from '../../../test/dom.tsx';
import { NetworkImportDialog } from './NetworkImportDialog.tsx';

const rowsOf = (table: HTMLElement) =>
  [...table.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));

async function importFile(kind: 'outlets' | 'technicians', answer: Routes[string], locale?: 'en-US') {
  const page = await renderPage(<NetworkImportDialog kind={kind} open onClose={() => {}} />, {
    api: { [`POST /api/v1/${kind}/import`]: answer },
    ...(locale ? { locale } : {}),
  });
  const dialog = await screen.findByRole('dialog');
  await page.user.upload(
    dialog.querySelector('input[type="file"]') as HTMLInputElement,
    new File(['x'], 'f.csv'),
  );
  const prefix = kind === 'outlets' ? 'outlet-import' : 'technician-import';
  await page.user.click(within(dialog).getByTestId(`${prefix}-run`));
  await waitFor(() => expect(page.api.requests(`POST /api/v1/${kind}/import`)).toHaveLength(1));
  return { dialog, prefix };
}

describe('outlet and technician import dialog', () => {
  it('lists every bad outlet cell by row, column and reason, and links the template', async () => {
    const { dialog, prefix } = await importFile(
      'outlets',
      problem(422, 'outlet.import_invalid', {
        params: { count: 3 },
        errors: [
          { path: 'rows.3.type', rule: 'invalid_value', params: { values: ['自建', '委托'] } },
          { path: 'rows.4.serviceAreas', rule: 'unknown_region' },
          { path: 'rows.5.code', rule: 'unique' },
        ],
      }),
    );
    const table = await within(dialog).findByTestId(`${prefix}-errors`);
    expect(rowsOf(table)).toEqual([
      ['3', '网点类型', '不是可选的值。'],
      ['4', '服务区域', '地区代码无效。'],
      ['5', '网点编码', '已存在或重复。'],
    ]);
    expect(dialog.textContent).toContain('3 处错误');
    expect(within(dialog).getByText('下载模板').getAttribute('href')).toBe('/api/v1/outlets/import/template');
  });

  it('words a technician report in English and shows the count once imported', async () => {
    const bad = await importFile(
      'technicians',
      problem(422, 'technician.import_invalid', {
        params: { count: 1 },
        errors: [{ path: 'rows.2.outletCode', rule: 'not_found' }],
      }),
      'en-US',
    );
    const table = await within(bad.dialog).findByTestId('technician-import-errors');
    const [cells] = rowsOf(table);
    expect(cells?.slice(0, 2)).toEqual(['2', 'Outlet code']);
    expect(cells?.[2]).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows how many technicians went in', async () => {
    const { dialog } = await importFile('technicians', { dryRun: false, created: 4 });
    expect((await within(dialog).findByTestId('technician-import-done')).textContent).toContain('4 位工程师');
  });
});
