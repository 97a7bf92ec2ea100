import { describe, expect, it } from 'vitest';
import { changeLocale, i18n } from '../../i18n/index.ts';
import { deliveryErrorLabel, eventLabel, GROUP_ORDER, groupLabel } from './eventLabels.ts';
import { webhooksZhCN } from './locales/zh-CN.ts';

describe('webhook event types in words', () => {
  it('names event types and their modules, never the code', async () => {
    await changeLocale('zh-CN');
    expect(eventLabel(i18n.t, 'workorder.created')).toBe('创建工单');
    expect(groupLabel(i18n.t, 'workorder.created')).toBe('工单');
    expect(eventLabel(i18n.t, 'webhook.test')).toBe('测试事件');
    expect(eventLabel(i18n.t, 'brand_new.thing')).toBe('其他业务事件');
    await changeLocale('en-US'); // loads the en-US bundle
    expect(eventLabel(i18n.t, 'rma.refunded')).toBe('Refunded');
    expect(groupLabel(i18n.t, 'rma.refunded')).toBe('Returns');
    await changeLocale('zh-CN');
  });

  it('words delivery errors', async () => {
    await changeLocale('zh-CN');
    expect(deliveryErrorLabel(i18n.t, 'http_503')).toBe('对方返回 503');
    expect(deliveryErrorLabel(i18n.t, 'address_not_allowed')).toBe('目标地址为内网地址，未放行');
    expect(deliveryErrorLabel(i18n.t, 'TypeError: fetch failed')).toBe('网络错误或超时');
    expect(deliveryErrorLabel(i18n.t, null)).toBe('');
  });

  it('every named module has a group name and a place in the picker order', () => {
    const groups = Object.keys(webhooksZhCN.groups).sort();
    expect(Object.keys(webhooksZhCN.events).sort()).toEqual(groups);
    expect([...GROUP_ORDER].sort()).toEqual(groups);
  });
});
