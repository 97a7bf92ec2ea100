import type { TFunction } from 'i18next';

const CONTRACT_FIELDS = {
  contractNo: 'contractNo',
  storeOutletId: 'store',
  salesperson: 'salesperson',
  customerName: 'customerName',
  phones: 'phones',
  regionCode: 'regionCode',
  addressDetail: 'addressDetail',
  orderDate: 'orderDate',
  requestedDate: 'requestedDate',
  specialRequests: 'specialRequests',
  lines: 'lines',
} as const;
const LINE_FIELDS = {
  model: 'model',
  productName: 'productName',
  category: 'category',
  quantity: 'quantity',
  unitPriceFen: 'unitPrice',
  needsInstallation: 'needsInstallation',
} as const;

/** Labels of a contract's top-level fields by API path (for ProblemAlert's list). */
export const contractLabels = (t: TFunction): Record<string, string> =>
  Object.fromEntries(Object.entries(CONTRACT_FIELDS).map(([path, key]) => [path, t(`sales.field.${key}`)]));

/**
 * A field path of a contract in words: `lines.1.quantity` → "商品明细 #2 · 数量", `phones.0` →
 * "联系电话 #1"; the path itself when it is not one of the contract's fields.
 */
export function pathLabel(t: TFunction, path: string): string {
  const [head = '', index, leaf] = path.split('.');
  const top = CONTRACT_FIELDS[head as keyof typeof CONTRACT_FIELDS];
  if (!top) return path;
  const base = t(`sales.field.${top}`);
  if (index === undefined || !/^\d+$/.test(index)) return base;
  const n = `${base} #${Number(index) + 1}`;
  const l = leaf ? LINE_FIELDS[leaf as keyof typeof LINE_FIELDS] : undefined;
  return l ? `${n} · ${t(`sales.field.${l}`)}` : n;
}
