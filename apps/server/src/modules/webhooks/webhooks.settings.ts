import { DEFAULT_WEBHOOK_SETTINGS, WebhookSettingsSchema, type WebhookSettings } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const WEBHOOK_SETTINGS_KEY = 'webhooks.delivery';

export const WEBHOOK_SETTINGS = [
  defineSetting({
    key: WEBHOOK_SETTINGS_KEY,
    module: 'webhooks',
    schema: WebhookSettingsSchema,
    default: DEFAULT_WEBHOOK_SETTINGS,
    read: 'webhook:manage',
    write: 'webhook:manage',
    label: 'settings.keys.webhooks.delivery',
  }),
];

export async function webhookSettings(db: Db): Promise<WebhookSettings> {
  return (await readSetting(db, WEBHOOK_SETTINGS_KEY, WebhookSettingsSchema, DEFAULT_WEBHOOK_SETTINGS)).value;
}
