// The agent's order form as pure functions: the defaults for a caller, the create request built
// from the form's values, and the follow-up step after creation. Tested without a browser.
import type { CreateWorkOrder, CustomerDetail, WorkOrderType } from '@anxin/contracts';
import type { LookupItem } from '../customers/index.ts';
import { slotWindow, type Channel, type URGENCIES } from '../workorders/index.ts';
import type { Dayjs } from 'dayjs';
import { sixDigits } from './windows.ts';

type Product = LookupItem['products'][number];
type Address = NonNullable<LookupItem['defaultAddress']>;

export interface WindowValue {
  date?: Dayjs;
  /** The key of one of the offered visit slots (`09:00-12:00`). */
  slot?: string;
}

export interface OrderValues {
  type: WorkOrderType;
  productId?: string;
  faultDescription?: string;
  /** Cascader paths: [faultId] or [faultId, symptomId]. */
  fault?: string[][];
  urgency: (typeof URGENCIES)[number];
  channel: Channel;
  contactName?: string;
  contactPhone?: string;
  addressId?: string;
  windows: WindowValue[];
  agreeFirstWindow: boolean;
  remoteResolved: boolean;
  guidance?: string;
  /** The knowledge article the call was resolved with (suggestions beside the form). */
  knowledgeArticleId?: string;
  knowledgeArticleTitle?: string;
}

/** The product bought or installed last. */
export const mostRecent = (products: readonly Product[]): Product | undefined =>
  [...products].sort((a, b) =>
    (b.installDate ?? b.purchaseDate ?? '').localeCompare(a.installDate ?? a.purchaseDate ?? ''),
  )[0];

/** The caller's addresses: the full list once their record is loaded, else the default one. */
export const addressesOf = (customer: LookupItem, detail: CustomerDetail | undefined): Address[] =>
  detail?.addresses ?? (customer.defaultAddress ? [customer.defaultAddress] : []);

/** A new caller's form: a hotline repair for their latest product, at their default address. */
export function orderDefaults(customer: LookupItem, detail: CustomerDetail | undefined): OrderValues {
  const products = detail?.products ?? customer.products;
  const addresses = addressesOf(customer, detail);
  const primary = customer.phones.find((p) => p.isPrimary) ?? customer.phones[0];
  return {
    type: 'repair',
    urgency: 'normal',
    channel: 'hotline',
    productId: (products.length === 1 ? products[0] : mostRecent(products))?.id,
    contactName: customer.name,
    contactPhone: primary && !primary.masked ? primary.phone : undefined,
    addressId: (addresses.find((a) => a.isDefault) ?? addresses[0])?.id,
    windows: [],
    agreeFirstWindow: false,
    remoteResolved: false,
  };
}

/** The preferred visit windows the agent filled in completely, as ISO windows in Beijing time. */
export const preferredWindowsOf = (v: Pick<OrderValues, 'windows'>) =>
  (v.windows ?? [])
    .filter((w) => w.date && w.slot)
    .map((w) => slotWindow(w.date!.format('YYYY-MM-DD'), w.slot!));

/**
 * The create request. The fault is the last fault picked; its symptoms are those picked under it
 * (symptoms of an earlier fault are dropped). Address codes go out in the six-digit spelling.
 */
export function toCreateRequest(
  v: OrderValues,
  customerId: string,
  addresses: readonly Address[],
): CreateWorkOrder {
  const paths = v.fault ?? [];
  const faultCodeId = paths[paths.length - 1]?.[0];
  const symptomCodes = paths.filter((p) => p[0] === faultCodeId && p[1]).map((p) => p[1]!);
  const address = addresses.find((a) => a.id === v.addressId);
  return {
    type: v.type,
    channel: v.channel,
    customerId,
    productId: v.productId,
    faultDescription: v.faultDescription?.trim() ?? '',
    faultCodeId,
    symptomCodes,
    urgency: v.urgency,
    contactName: v.contactName?.trim() || undefined,
    contactPhone: v.contactPhone?.trim() || undefined,
    address: address
      ? {
          provinceCode: sixDigits(address.provinceCode),
          cityCode: sixDigits(address.cityCode),
          districtCode: address.districtCode,
          detail: address.detail,
        }
      : undefined,
    preferredWindows: preferredWindowsOf(v),
    // Needs a visit: straight to 待派单 (the server runs 受理 and 转待派单); resolved: stays for the follow-up.
    ...(v.remoteResolved ? {} : { handoff: 'dispatch' as const }),
  };
}

/** After creation: resolved on the phone (with guidance), or the first window agreed, or nothing. */
export function followUpOf(
  v: Pick<OrderValues, 'remoteResolved' | 'guidance' | 'agreeFirstWindow' | 'windows' | 'knowledgeArticleId'>,
):
  | { kind: 'remote'; guidance: string; knowledgeArticleId?: string }
  | { kind: 'appointment'; window: { start: string; end: string } }
  | null {
  if (v.remoteResolved && v.guidance?.trim())
    return {
      kind: 'remote',
      guidance: v.guidance.trim(),
      ...(v.knowledgeArticleId ? { knowledgeArticleId: v.knowledgeArticleId } : {}),
    };
  const first = preferredWindowsOf(v)[0];
  if (v.agreeFirstWindow && first) return { kind: 'appointment', window: first };
  return null;
}
