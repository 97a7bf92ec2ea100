import { useState } from 'react';
import { Button, Cascader, DatePicker, Form, Grid, Input, Select, Space } from 'antd';
import { DownOutlined, FilterOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import type { RegionOption } from '../../customers/index.ts';
import { SORTS } from '../filters.ts';
import type { FilterFormValues } from '../list/useListFilters.ts';
import { SLA_STATES, WORK_ORDER_CHANNELS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from '../vocab.ts';

/**
 * The work-order list's filter form. `formKey` changes with the address: the form re-mounts from
 * the applied filters (the "more filters" toggle stays as it was). On phones only the number and
 * status filters show until "more filters" is opened.
 */
export function WorkOrderFilters({
  initial,
  formKey,
  regions,
  onApply,
  onReset,
  canPickOutlet = true,
}: {
  initial: FilterFormValues;
  formKey: string;
  regions: RegionOption[] | undefined;
  onApply: (v: FilterFormValues) => void;
  onReset: () => void;
  /** The outlet filter searches outlets (outlet:read); an outlet's own staff have no use for it. */
  canPickOutlet?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();
  const screens = Grid.useBreakpoint();
  const [moreOpen, setMoreOpen] = useState(false);
  const more = screens.md || moreOpen;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onApply}
      key={formKey}
      className="anxin-wo-filters"
      data-testid="wo-filters"
    >
      <Form.Item name="q" label={t('workorders.list.q')}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('workorders.list.qPlaceholder')}
          data-testid="wo-filter-q"
        />
      </Form.Item>
      <Form.Item name="status" label={t('workorders.fields.status')}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('workorders.list.any')}
          data-testid="wo-filter-status"
          options={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`workorders.status.${s}`) }))}
        />
      </Form.Item>
      <Form.Item hidden={!more} name="type" label={t('workorders.fields.type')}>
        <Select
          allowClear
          placeholder={t('workorders.list.any')}
          data-testid="wo-filter-type"
          options={WORK_ORDER_TYPES.map((s) => ({ value: s, label: t(`workorders.types.${s}`) }))}
        />
      </Form.Item>
      <Form.Item hidden={!more} name="slaState" label={t('workorders.fields.sla')}>
        <Select
          allowClear
          placeholder={t('workorders.list.any')}
          data-testid="wo-filter-sla"
          options={SLA_STATES.map((s) => ({ value: s, label: t(`workorders.sla.states.${s}`) }))}
        />
      </Form.Item>
      <Form.Item hidden={!more} name="region" label={t('workorders.fields.region')}>
        <Cascader
          options={regions}
          changeOnSelect
          showSearch
          placeholder={t('workorders.list.regionPlaceholder')}
          data-testid="wo-filter-region"
        />
      </Form.Item>
      <Form.Item hidden={!more} name="channel" label={t('workorders.fields.channel')}>
        <Select
          allowClear
          placeholder={t('workorders.list.any')}
          data-testid="wo-filter-channel"
          options={WORK_ORDER_CHANNELS.map((s) => ({ value: s, label: t(`workorders.channels.${s}`) }))}
        />
      </Form.Item>
      {canPickOutlet && (
        <Form.Item hidden={!more} name="outletId" label={t('workorders.fields.outletId')}>
          <OutletPicker placeholder={t('workorders.list.outletPlaceholder')} data-testid="wo-filter-outlet" />
        </Form.Item>
      )}
      <Form.Item hidden={!more} name="created" label={t('workorders.fields.createdAt')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          data-testid="wo-filter-created"
        />
      </Form.Item>
      <Form.Item hidden={!more} name="sort" label={t('workorders.list.sort')}>
        <Select
          placeholder={t('workorders.list.sorts.-created_at')}
          data-testid="wo-filter-sort"
          options={SORTS.map((s) => ({ value: s, label: t(`workorders.list.sorts.${s}`) }))}
        />
      </Form.Item>
      <Form.Item label=" " className="anxin-wo-filters__actions">
        <Space>
          <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="wo-filter-apply">
            {t('settings.actions.search')}
          </Button>
          <Button onClick={onReset} data-testid="wo-filter-reset">
            {t('settings.actions.reset')}
          </Button>
          {!screens.md && (
            <Button
              type="link"
              onClick={() => setMoreOpen(!moreOpen)}
              icon={moreOpen ? <UpOutlined /> : <DownOutlined />}
              data-testid="wo-filter-more"
            >
              {moreOpen ? t('workorders.list.fewerFilters') : t('workorders.list.moreFilters')}
            </Button>
          )}
        </Space>
      </Form.Item>
    </Form>
  );
}
