import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { SettingView } from '@anxin/contracts';
import { fieldErrors, problem, renderPage, type Routes } from '../../../test/dom.tsx';
import { i18n } from '../../../i18n/index.ts';
import BusinessSettingsPage from '../pages/BusinessSettingsPage.tsx';

/** `dispatch.policy` as the server describes it: two plain fields and a map with its JSON Schema. */
const dispatchPolicy = (over: Partial<SettingView> = {}): SettingView => ({
  key: 'dispatch.policy',
  label: 'settings.keys.dispatch.policy',
  module: 'dispatch',
  value: { acceptanceMinutes: 120, defaultMode: 'manual', regionModes: { '3301': 'auto' } },
  default: { acceptanceMinutes: 30, defaultMode: 'manual', regionModes: {} },
  version: 3,
  valid: true,
  issues: [],
  writable: true,
  fields: [
    { path: 'acceptanceMinutes', kind: 'integer', min: 5, max: 14_400 },
    { path: 'defaultMode', kind: 'enum', options: ['manual', 'auto', 'pool'] },
    {
      path: 'regionModes',
      kind: 'json',
      schema: {
        type: 'object',
        propertyNames: { type: 'string', pattern: '^\\d{2}(\\d{2}(\\d{2})?)?$' },
        additionalProperties: { type: 'string', enum: ['manual', 'auto', 'pool'] },
      },
    },
  ],
  ...over,
});

const PUT = 'PUT /api/v1/settings/dispatch.policy';
const open = (more: Routes = {}, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
  renderPage(<BusinessSettingsPage />, {
    url: '/settings/business?key=dispatch.policy',
    path: '/settings/business',
    locale,
    api: { 'GET /api/v1/settings': { items: [dispatchPolicy()] }, ...more },
  });

describe('the business setting dialog', () => {
  it('edits a map as rows, shows region codes by name and amounts of time with a unit', async () => {
    const { user, api } = await open({ [PUT]: dispatchPolicy({ version: 4 }) });
    const form = await screen.findByTestId('setting-form');
    // 3301 is shown as the city it names, never as the raw code.
    await waitFor(() => expect(form.textContent).toContain('杭州市'));
    expect(form.textContent).not.toContain('3301');
    // 120 minutes are shown as 2 hours.
    const minutes = within(screen.getByTestId('setting-field-acceptanceMinutes').closest('.ant-form-item')!);
    expect((minutes.getByRole('spinbutton') as HTMLInputElement).value).toBe('2');
    expect(minutes.getByText('小时')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '删除第 1 行' }));
    expect(within(form).getByText('暂无条目')).toBeTruthy();
    await user.click(screen.getByTestId('setting-save'));
    await waitFor(() => expect(api.requests(PUT)).toHaveLength(1));
    expect(api.requests(PUT)[0]!.body).toEqual({
      value: { acceptanceMinutes: 120, defaultMode: 'manual', regionModes: {} },
      version: 3,
    });
  });

  it('shows the server’s field errors at their inputs, not in a list above the form', async () => {
    const { user } = await open({
      [PUT]: problem(400, 'request.validation_failed', {
        errors: [
          { path: 'value.acceptanceMinutes', rule: 'too_big', params: { max: 14_400 }, message: 'x' },
          { path: 'value.regionModes.3301', rule: 'invalid_value', message: 'x' },
        ],
      }),
    });
    await screen.findByTestId('setting-form');
    await user.click(screen.getByTestId('setting-save'));
    const alert = await screen.findByTestId('problem-alert');
    expect(within(alert).queryByTestId('problem-field-errors')).toBeNull();
    const tooBig = i18n.t('validation.too_big', { max: 14_400 });
    await waitFor(() => expect(fieldErrors('网点接单时限')).toEqual([tooBig]));
    const row = screen.getByTestId('setting-field-regionModes');
    expect(row.querySelector('.ant-form-item-explain-error')?.textContent).toBe(
      i18n.t('validation.invalid_value'),
    );
    expect(document.body.textContent).not.toContain('server detail');
  });

  it('checks what it can before sending: an emptied required input is marked and nothing is sent', async () => {
    const { user, api } = await open();
    await screen.findByTestId('setting-form');
    const minutes = within(screen.getByTestId('setting-field-acceptanceMinutes').closest('.ant-form-item')!);
    await user.clear(minutes.getByRole('spinbutton'));
    await user.click(screen.getByTestId('setting-save'));
    await waitFor(() => expect(fieldErrors('网点接单时限')).toEqual([i18n.t('validation.required')]));
    expect(api.requests(PUT)).toHaveLength(0);
  });

  it('speaks English: field names, options and units', async () => {
    await open({}, 'en-US');
    const form = await screen.findByTestId('setting-form');
    expect(within(form).getByText('Outlet acceptance time')).toBeTruthy();
    expect(within(form).getByText('Mode per region')).toBeTruthy();
    expect(within(form).getAllByText('Auto').length).toBeGreaterThan(0);
    expect(within(form).getByText('h')).toBeTruthy();
  });
});
