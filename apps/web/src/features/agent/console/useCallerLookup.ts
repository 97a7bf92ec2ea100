import { useEffect, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import type { CustomerDetail } from '@anxin/contracts';
import { useCustomer, useCustomerLookup, type LookupItem } from '../../customers/index.ts';

const DEBOUNCE_MS = 400;

/** A just-created customer shown like a lookup hit, so the rest of the console works the same. */
const asLookupItem = (c: CustomerDetail): LookupItem => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  companyName: c.companyName,
  tier: c.tier,
  version: c.version,
  matchedBy: 'phone',
  phones: c.phones,
  defaultAddress: c.addresses.find((a) => a.isDefault) ?? c.addresses[0] ?? null,
  products: c.products ?? [],
  orders: null,
});

/**
 * Who is calling: the number typed (looked up after a pause, or at once on Enter), the matches,
 * the one chosen (arrow keys move through several) or just created, and their full record.
 */
export function useCallerLookup() {
  const inputRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [created, setCreated] = useState<LookupItem | null>(null);
  const [creating, setCreating] = useState(false);
  const lookup = useCustomerLookup(query);
  const items = query.length >= 2 && lookup.data ? lookup.data.items : [];
  const customer =
    created ?? items.find((c) => c.id === selectedId) ?? (items.length === 1 ? items[0] : undefined);
  const detail = useCustomer(customer?.id);

  // Debounced lookup while typing; Enter looks up at once.
  useEffect(() => {
    const q = text.trim();
    if (q === query) return;
    const h = setTimeout(() => setQuery(q.length >= 2 ? q : ''), DEBOUNCE_MS);
    return () => clearTimeout(h);
  }, [text]);

  useEffect(() => {
    setSelectedId(null);
    setCreated(null);
    setCreating(false);
  }, [query]);

  const newCall = () => {
    setText('');
    setQuery('');
    setSelectedId(null);
    setCreated(null);
    setCreating(false);
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const onInputKey = (e: React.KeyboardEvent) => {
    if (items.length < 2) return;
    const i = items.findIndex((c) => c.id === customer?.id);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, i + 1) : Math.max(0, i - 1);
      setSelectedId(items[next]!.id);
    }
  };

  const searched = query.length >= 2 && lookup.isSuccess && !lookup.isFetching;
  return {
    inputRef,
    text,
    setText,
    query,
    searchNow: () => setQuery(text.trim().length >= 2 ? text.trim() : ''),
    /** Takes a popped call: its number is looked up at once, as if typed and Enter pressed. */
    takeCall: (phone: string) => {
      setText(phone);
      setQuery(phone);
    },
    lookup,
    items,
    select: setSelectedId,
    customer,
    detail: detail.data,
    created,
    onCustomerCreated: (c: CustomerDetail) => {
      setCreated(asLookupItem(c));
      setCreating(false);
    },
    creating,
    setCreating,
    noMatch: searched && items.length === 0 && !created,
    newCall,
    onInputKey,
  };
}
