import { useState } from 'react';
import { Select } from 'antd';
import { useCustomerLookup } from '../../customers/index.ts';

/** The customer picker: a lookup by phone, name or serial (two characters at least). */
export function CustomerSelect({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: string;
  onChange?: (v: string) => void;
  placeholder: string;
  testId: string;
}) {
  const [q, setQ] = useState('');
  const lookup = useCustomerLookup(q);
  const options = (lookup.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} · ${c.phones[0]?.phone ?? ''}`,
  }));
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={lookup.isFetching}
      options={options}
      placeholder={placeholder}
      data-testid={testId}
    />
  );
}
