import { useEffect, useState } from 'react';
import { Alert, Cascader, Flex, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignFilters } from '@anxin/contracts';
import { useRegions } from '../../customers/index.ts';
import { usePreview } from '../api.ts';

export interface FilterValues {
  purchasedWithinDays?: number | null;
  warrantyEndingWithinDays?: number | null;
  noContactForDays?: number | null;
  region?: string[];
}

export const filtersOf = (v: FilterValues): CampaignFilters => ({
  purchasedWithinDays: v.purchasedWithinDays ?? null,
  warrantyEndingWithinDays: v.warrantyEndingWithinDays ?? null,
  noContactForDays: v.noContactForDays ?? null,
  regionCode: v.region?.length ? v.region[v.region.length - 1]! : null,
});

const DAY_FIELDS = ['purchasedWithinDays', 'warrantyEndingWithinDays', 'noContactForDays'] as const;

/** The list filters with a live count of the customers they pick (refreshed 400 ms after a change). */
export function FiltersFields({ values }: { values: FilterValues | undefined }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const [debounced, setDebounced] = useState<CampaignFilters | null>(null);
  const key = JSON.stringify(values ? filtersOf(values) : null);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(JSON.parse(key) as CampaignFilters | null), 400);
    return () => clearTimeout(id);
  }, [key]);
  const preview = usePreview(debounced);
  return (
    <Flex vertical gap={4}>
      <Flex gap={12} wrap>
        {DAY_FIELDS.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`campaigns.editor.${name}`)}
            style={{ minWidth: 150, flex: 1 }}
          >
            <InputNumber
              min={1}
              max={3650}
              style={{ width: '100%' }}
              addonAfter={t('campaigns.editor.days')}
              data-testid={`campaign-filter-${name}`}
            />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item name="region" label={t('campaigns.editor.region')}>
        <Cascader
          options={regions.data}
          loading={regions.isPending}
          changeOnSelect
          showSearch
          placeholder={t('campaigns.editor.regionPlaceholder')}
        />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        data-testid="campaign-preview"
        message={
          preview.data
            ? t('campaigns.editor.preview', { count: preview.data.count })
            : t('campaigns.editor.previewLoading')
        }
      />
    </Flex>
  );
}
