import type { TFunction } from 'i18next';
import { WEBHOOK_TEST_EVENT } from '@anxin/contracts';

const split = (type: string): [string, string] => {
  const i = type.indexOf('.');
  return i < 0 ? [type, ''] : [type.slice(0, i), type.slice(i + 1)];
};

/** An event type for a person (`workorder.created` → 创建工单); one without a name reads 其他业务事件. */
export function eventLabel(t: TFunction, type: string): string {
  if (type === WEBHOOK_TEST_EVENT) return t('webhooks.testEvent');
  const [group, name] = split(type);
  return t(`webhooks.events.${group}.${name}` as 'webhooks.events.workorder.created', {
    defaultValue: t('webhooks.otherEvent'),
  });
}

/** The module group of an event type (`workorder.created` → 工单). */
export function groupLabel(t: TFunction, type: string): string {
  const [group] = split(type);
  return t(`webhooks.groups.${group}` as 'webhooks.groups.workorder', {
    defaultValue: t('webhooks.otherEvent'),
  });
}

export const groupOf = (type: string): string => split(type)[0];

/** Modules in the order the subscription picker lists them (service first, back office last). */
export const GROUP_ORDER = [
  'workorder',
  'fieldwork',
  'sla',
  'callback',
  'complaint',
  'customer',
  'card',
  'workshop_receipt',
  'rma',
  'quote',
  'price_list',
  'warranty_policy',
  'part_request',
  'part_usage',
  'old_part',
  'stock',
  'part_item',
  'sales',
  'delivery',
  'outlet',
  'technician',
  'prospect',
  'evaluation',
  'training_course',
  'training_attempt',
  'knowledge',
  'product_category',
  'product_model',
  'fault_code',
  'export',
];
export const groupRank = (group: string): number => {
  const i = GROUP_ORDER.indexOf(group);
  return i < 0 ? GROUP_ORDER.length : i;
};

/** A delivery's last error for a person: `http_503` → 对方返回 503; anything else is a network error. */
export function deliveryErrorLabel(t: TFunction, error: string | null): string {
  if (!error) return '';
  const http = /^http_(\d{3})$/.exec(error);
  if (http) return t('webhooks.errors.http', { code: http[1] });
  if (error === 'event_missing' || error === 'address_not_allowed' || error === 'host_unresolved')
    return t(`webhooks.errors.${error}`);
  return t('webhooks.errors.network');
}
