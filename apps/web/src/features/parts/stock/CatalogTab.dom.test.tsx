import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { PERMISSIONS, type PartItem, type Permission } from '@anxin/contracts';
import { fieldErrors, problem, renderPage, staffMe, type Routes } from '../../../test/dom.tsx';
import { CatalogTab } from './CatalogTab.tsx';

const item = (over: Partial<PartItem> = {}): PartItem => ({
  id: 'pi-1',
  code: 'CMP-01',
  nameZh: '压缩机',
  nameEn: 'Compressor',
  kind: 'part',
  partClass: 'compressor',
  unit: '个',
  serialized: true,
  listPriceFen: 123_450,
  costPriceFen: 80_000,
  warrantyClaimable: true,
  universal: false,
  modelIds: ['m-1'],
  discontinueOn: '2027-01-31',
  lastTimeBuy: true,
  active: true,
  version: 3,
  ...over,
});

const ITEMS = '/api/v1/parts/items';
const base = (items: PartItem[]): Routes => ({
  [`GET ${ITEMS}`]: { items, nextCursor: null },
  'GET /api/v1/catalog/models': {
    items: [{ id: 'm-1', brand: 'AX', categoryCode: 'AC', modelCode: 'KFR-35', name: '挂机', active: true }],
    nextCursor: null,
  },
});

const open = (items: PartItem[], more: Routes = {}, permissions?: Permission[], locale?: 'en-US') =>
  renderPage(<CatalogTab />, {
    api: { ...base(items), ...more },
    me: staffMe(permissions ? { permissions } : {}),
    ...(locale ? { locale } : {}),
  });

describe('parts catalogue', () => {
  it('lists items with prices in yuan, models by code and the last-time-buy tag', async () => {
    await open([
      item(),
      item({
        id: 'pi-2',
        code: 'SCR-1',
        nameZh: '螺丝',
        listPriceFen: 50,
        costPriceFen: 20,
        universal: true,
        modelIds: [],
        lastTimeBuy: false,
      }),
    ]);
    expect(await screen.findByText('1,234.50')).toBeTruthy();
    expect(screen.getByText('0.50')).toBeTruthy();
    expect(screen.getByText('800.00')).toBeTruthy();
    expect(screen.getByTestId('parts-ltb-CMP-01').textContent).toBe('停产预警');
    expect(screen.queryByTestId('parts-ltb-SCR-1')).toBeNull();
    expect(await screen.findByText('KFR-35')).toBeTruthy();
    expect(screen.getByText('通用')).toBeTruthy();
  });

  it('creates an item with prices typed in yuan and sent in fen', async () => {
    const { user, api } = await open([], { [`POST ${ITEMS}`]: item({ id: 'pi-9' }) });
    await user.click(await screen.findByTestId('parts-catalog-new'));
    await user.type(await screen.findByTestId('parts-item-code'), 'FLT-2');
    await user.type(screen.getByTestId('parts-item-name'), '滤网');
    await user.type(screen.getByTestId('parts-item-list-price'), '12.5');
    await user.type(screen.getByTestId('parts-item-cost-price'), '8.34');
    await user.click(screen.getByTestId('parts-item-universal'));
    await user.click(screen.getByTestId('parts-item-save'));
    await waitFor(() => expect(api.requests(`POST ${ITEMS}`)).toHaveLength(1));
    expect(api.requests(`POST ${ITEMS}`)[0]!.body).toEqual({
      code: 'FLT-2',
      nameZh: '滤网',
      nameEn: '',
      kind: 'part',
      partClass: '',
      unit: '个',
      serialized: false,
      listPriceFen: 1250,
      costPriceFen: 834,
      warrantyClaimable: true,
      universal: true,
      modelIds: [],
      discontinueOn: null,
    });
  });

  it('edits at the item version and puts the server’s field errors at the yuan fields', async () => {
    const { user, api } = await open([item()], {
      [`PATCH ${ITEMS}/pi-1`]: problem(400, 'request.validation_failed', {
        errors: [{ path: 'costPriceFen', rule: 'too_big', params: { max: 1000 } }],
      }),
    });
    await user.click(await screen.findByTestId('parts-item-edit-CMP-01'));
    const price = await screen.findByTestId('parts-item-list-price');
    await user.clear(price);
    await user.type(price, '99.99');
    await user.click(screen.getByTestId('parts-item-save'));
    await waitFor(() => expect(api.requests(`PATCH ${ITEMS}/pi-1`)).toHaveLength(1));
    const body = api.requests(`PATCH ${ITEMS}/pi-1`)[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ version: 3, listPriceFen: 9999, costPriceFen: 80_000, modelIds: ['m-1'] });
    expect(body).not.toHaveProperty('code');
    await waitFor(() => expect(fieldErrors('成本价（元）')).toEqual(['不能大于 1000。']));
  });

  it('lists every wrong cell of an import by row and column, in the user’s language', async () => {
    const { user, api } = await open([], {
      [`POST ${ITEMS}/import`]: problem(422, 'parts.import_invalid', {
        params: { count: 2 },
        errors: [
          { path: 'rows.3.code', rule: 'unique' },
          { path: 'rows.7.listPriceFen', rule: 'too_small', params: { min: 0 } },
        ],
      }),
    });
    await user.click(await screen.findByTestId('parts-catalog-import'));
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['x'], 'parts.xlsx'));
    await user.click(within(dialog).getByTestId('parts-import-run'));
    await waitFor(() => expect(api.requests(`POST ${ITEMS}/import`)).toHaveLength(1));
    const table = await within(dialog).findByTestId('parts-import-errors');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['3', '备件编码', '已存在或重复。'],
      ['7', '零售价', '不能小于 0。'],
    ]);
    expect(within(dialog).getByTestId('problem-alert').textContent).toContain('2 处错误');
    expect(dialog.textContent).not.toContain('server detail');
  });

  it('words the import errors in English for an English user', async () => {
    const { user } = await open(
      [],
      {
        [`POST ${ITEMS}/import`]: problem(422, 'parts.import_invalid', {
          params: { count: 1 },
          errors: [{ path: 'rows.2.kind', rule: 'invalid_value' }],
        }),
      },
      undefined,
      'en-US',
    );
    await user.click(await screen.findByTestId('parts-catalog-import'));
    const dialog = await screen.findByRole('dialog');
    await user.upload(
      dialog.querySelector('input[type="file"]') as HTMLInputElement,
      new File(['x'], 'p.xlsx'),
    );
    await user.click(within(dialog).getByTestId('parts-import-run'));
    const table = await within(dialog).findByTestId('parts-import-errors');
    const cells = [...table.querySelectorAll('tbody td')].map((c) => c.textContent);
    expect(cells[0]).toBe('2');
    expect(cells[1]).toBe('Kind');
    expect(cells[2]).not.toMatch(/[\u4e00-\u9fff]/);
    expect(within(dialog).getByTestId('problem-alert').dataset.code).toBe('parts.import_invalid');
  });

  it('shows the created and updated counts after an import', async () => {
    const { user } = await open([], { [`POST ${ITEMS}/import`]: { created: 4, updated: 2, errors: [] } });
    await user.click(await screen.findByTestId('parts-catalog-import'));
    const dialog = await screen.findByRole('dialog');
    await user.upload(
      dialog.querySelector('input[type="file"]') as HTMLInputElement,
      new File(['x'], 'p.xlsx'),
    );
    await user.click(within(dialog).getByTestId('parts-import-run'));
    expect((await within(dialog).findByTestId('parts-import-done')).textContent).toContain(
      '新建 4 个，更新 2 个',
    );
  });

  it('asks before deactivating and sends the version', async () => {
    const { user, api } = await open([item()], {
      [`PATCH ${ITEMS}/pi-1`]: item({ active: false, version: 4 }),
    });
    await user.click(await screen.findByTestId('parts-item-deactivate-CMP-01'));
    await user.click(await screen.findByRole('button', { name: '停 用' }));
    await waitFor(() => expect(api.requests(`PATCH ${ITEMS}/pi-1`)).toHaveLength(1));
    expect(api.requests(`PATCH ${ITEMS}/pi-1`)[0]!.body).toEqual({ version: 3, active: false });
  });

  it('hides editing, import and deactivation from users who may only read', async () => {
    const readOnly = PERMISSIONS.filter((p) => p !== 'parts:manage') as Permission[];
    await open([item()], {}, readOnly);
    expect(await screen.findByText('压缩机')).toBeTruthy();
    expect(screen.queryByTestId('parts-catalog-new')).toBeNull();
    expect(screen.queryByTestId('parts-catalog-import')).toBeNull();
    expect(screen.queryByTestId('parts-item-edit-CMP-01')).toBeNull();
    expect(screen.getByTestId('parts-catalog-template')).toBeTruthy();
  });
});
