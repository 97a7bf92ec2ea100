import { useState } from 'react';
import { App, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BrandConnection } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useBrandWebhook, useSetWebhookSecret } from '../api.ts';

/**
 * The brand's webhooks to one connection: the address to give the brand, the `whsec_` secret
 * its endpoint shows (kept sealed, never shown again) and what was last received or refused.
 */
export function WebhookDialog({ conn, onClose }: { conn: BrandConnection; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hook = useBrandWebhook(conn.id);
  const save = useSetWebhookSecret();
  const [secret, setSecret] = useState('');
  const h = hook.data;
  const url = h ? `${window.location.origin}${h.receivePath}` : '';
  const submit = async () => {
    await save.mutateAsync({ id: conn.id, secret: secret.trim() || null });
    message.success(t('brandinbox.connections.webhookSaved'));
    onClose();
  };
  return (
    <Modal
      open
      title={`${conn.name} · ${t('brandinbox.connections.webhook')}`}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('brandinbox.connections.webhookSave')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={hook.error ?? save.error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">{t('brandinbox.connections.webhookHelp')}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('brandinbox.connections.webhookUrl')}>
          <Typography.Text copyable data-testid="brand-webhook-url">
            {url}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('brandinbox.connections.webhookSecret')}>
          {h?.secretMasked
            ? t('brandinbox.connections.webhookSecretSet', { hint: h.secretMasked })
            : t('brandinbox.connections.webhookSecretNone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('brandinbox.connections.webhookLast')}>
          <Space direction="vertical" size={0}>
            <span>{h?.lastReceivedAt ? bj(h.lastReceivedAt).format('MM-DD HH:mm:ss') : '—'}</span>
            {h?.lastRefusal && h.lastRefusedAt && (
              <Typography.Text type="danger">
                {t('brandinbox.connections.webhookRefused', {
                  reason: t(`brandinbox.connections.refusal.${h.lastRefusal as 'missing'}`),
                  at: bj(h.lastRefusedAt).format('MM-DD HH:mm:ss'),
                })}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Input.Password
        style={{ marginTop: 12 }}
        placeholder="whsec_…"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        data-testid="brand-webhook-secret"
      />
    </Modal>
  );
}
