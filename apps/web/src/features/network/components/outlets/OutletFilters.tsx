import { Cascader, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutletsPageState } from '../../pages/useOutletsPage.ts';

/** Search, region, category, status and type filters of the outlet list. */
export function OutletFilters({ page }: { page: OutletsPageState }) {
  const { t } = useTranslation();
  const {
    q,
    setQ,
    regions,
    region,
    setRegion,
    categories,
    category,
    setCategory,
    status,
    setStatus,
    type,
    setType,
  } = page;
  return (
    <Space wrap>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('network.common.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: 220 }}
        data-testid="outlets-filter-q"
      />
      <Cascader
        options={regions.data}
        changeOnSelect
        showSearch
        value={region}
        onChange={(v) => setRegion((v as string[]) ?? [])}
        placeholder={t('network.outlets.filterRegion')}
        style={{ width: 220 }}
        data-testid="outlets-filter-region"
      />
      <Select
        allowClear
        placeholder={t('network.outlets.filterCategory')}
        value={category}
        onChange={setCategory}
        style={{ width: 140 }}
        options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }))}
        data-testid="outlets-filter-category"
      />
      <Select
        allowClear
        placeholder={t('network.outlets.status')}
        value={status}
        onChange={setStatus}
        style={{ width: 120 }}
        options={(['active', 'suspended'] as const).map((v) => ({
          value: v,
          label: t(`network.statuses.${v}`),
        }))}
        data-testid="outlets-filter-status"
      />
      <Select
        allowClear
        placeholder={t('network.outlets.type')}
        value={type}
        onChange={setType}
        style={{ width: 120 }}
        options={(['self_built', 'entrusted'] as const).map((v) => ({
          value: v,
          label: t(`network.types.${v}`),
        }))}
        data-testid="outlets-filter-type"
      />
    </Space>
  );
}
