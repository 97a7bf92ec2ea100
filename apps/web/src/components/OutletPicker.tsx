import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Outlet } from '@anxin/contracts';
import { api } from '../api/client.ts';

/**
 * An outlet select that searches the server by code or name as the user types (any number of
 * outlets, no id to paste). Works as a Form.Item control: `value` is the outlet id.
 */
export function OutletPicker({
  value,
  onChange,
  placeholder,
  style,
  ...rest
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(id);
  }, [text]);
  const found = useQuery({
    queryKey: ['outlets', 'picker', q],
    queryFn: ({ signal }) =>
      api.get<{ items: Outlet[] }>('/api/v1/outlets', { q: q || undefined, limit: 50 }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
  const items = found.data?.items ?? [];
  // A chosen outlet outside the current results (from a shared address) still shows its name.
  const chosen = useQuery({
    queryKey: ['outlets', 'picker', 'one', value],
    queryFn: ({ signal }) => api.get<Outlet>(`/api/v1/outlets/${value}`, undefined, { signal }),
    enabled: !!value && !items.some((o) => o.id === value),
    staleTime: 300_000,
  });
  const options = items.map((o) => ({ value: o.id, label: `${o.name} · ${o.code}` }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({
      value,
      label: chosen.data ? `${chosen.data.name} · ${chosen.data.code}` : value,
    });
  return (
    <Select
      {...rest}
      style={style}
      allowClear
      showSearch
      filterOption={false}
      value={value}
      placeholder={placeholder}
      loading={found.isFetching}
      options={options}
      onSearch={setText}
      onChange={(v?: string) => onChange?.(v)}
    />
  );
}
