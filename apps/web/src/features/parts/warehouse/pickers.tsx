import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartItem, StockLocation } from '@anxin/contracts';
import { useItemSearch, useLocations } from '../api/warehouse.ts';

/** A location's label: its name and, in brackets, its kind (总部仓, 车载库 …). */
export function useLocationOptions() {
  const { t } = useTranslation();
  const q = useLocations();
  const options = (q.data?.items ?? []).map((l: StockLocation) => ({
    value: l.id,
    label: `${l.name}（${t(`parts.locationKinds.${l.kind}`)}）`,
  }));
  return { options, loading: q.isLoading };
}

export function LocationSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  testId,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const { options, loading } = useLocationOptions();
  return (
    <Select
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      loading={loading}
      placeholder={placeholder}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      style={style}
      data-testid={testId}
    />
  );
}

/** The item's name in the user's language (the English name when there is one). */
export function useItemName() {
  const { i18n } = useTranslation();
  return (i: Pick<PartItem, 'nameZh' | 'nameEn'>) =>
    i18n.language === 'en-US' && i.nameEn ? i.nameEn : i.nameZh;
}

/** A catalogue item chosen by code or name, searched on the server as the user types. */
export function ItemPicker({
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  testId,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const search = useItemSearch(q);
  const name = useItemName();
  const options = (search.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${name(i)}` }));
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQ}
      allowClear={allowClear}
      loading={search.isFetching}
      placeholder={placeholder}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      style={style}
      data-testid={testId}
    />
  );
}
