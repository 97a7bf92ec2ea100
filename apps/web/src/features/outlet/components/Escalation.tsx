import { useEffect } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { isApiError } from '../../../api/client.ts';
import { useEscalate } from '../api.ts';
import { ruleMessage } from './rules.ts';

type Tier = '1' | '2' | '3' | '4';
const COLOR: Record<Tier, string> = { '1': 'default', '2': 'gold', '3': 'orange', '4': 'red' };

/** The escalation tier of an order (tier 1, the technician, shows only when `always`). */
export function EscalationTag({ tier, always = false }: { tier: number; always?: boolean }) {
  const { t } = useTranslation();
  if (tier <= 1 && !always) return null;
  const k = String(Math.min(4, Math.max(1, tier))) as Tier;
  return (
    <Tag color={COLOR[k]} data-testid="wo-escalation-tier" data-tier={tier} style={{ marginInlineEnd: 0 }}>
      {t('outlet.escalate.tag', { tier, name: t(`outlet.escalate.tiers.${k}`) })}
    </Tag>
  );
}

/** Escalate one tier with a reason; explains the top tier and stale versions. */
export function EscalateDialog({
  order,
  open,
  onClose,
  onReload,
}: {
  order: { id: string; number: string; version: number; escalationTier: number };
  open: boolean;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const escalate = useEscalate();
  const top = order.escalationTier >= 4;
  const rule = ruleMessage(t, escalate.error);

  useEffect(() => {
    if (open) {
      form.resetFields();
      escalate.reset();
    }
  }, [open]);

  const submit = async (v: { reason: string }) => {
    try {
      await escalate.mutateAsync({ id: order.id, version: order.version, reason: v.reason.trim() });
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      if (isApiError(e) && e.code === 'resource.version_conflict') onReload?.();
    }
  };
  const tierName = (n: number) => t(`outlet.escalate.tiers.${String(Math.min(4, n)) as Tier}`);

  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={t('outlet.escalate.title', { number: order.number })}
      footer={
        <Space>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            type="primary"
            danger
            icon={<RiseOutlined />}
            disabled={top}
            loading={escalate.isPending}
            onClick={() => form.submit()}
            data-testid="escalate-confirm"
          >
            {t('outlet.escalate.confirm')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        <Typography.Text>
          {t('outlet.escalate.current', {
            tier: `T${order.escalationTier} ${tierName(order.escalationTier)}`,
          })}
        </Typography.Text>
        {top ? (
          <Alert type="info" showIcon title={t('outlet.escalate.top')} />
        ) : (
          <Typography.Text strong>
            {t('outlet.escalate.next', {
              tier: `T${order.escalationTier + 1} ${tierName(order.escalationTier + 1)}`,
            })}
          </Typography.Text>
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
          <Form.Item
            name="reason"
            label={t('outlet.escalate.reason')}
            rules={[
              { required: true, whitespace: true, message: t('workorders.transition.required') },
              { max: 500 },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3 }}
              autoFocus
              data-testid="escalate-reason"
              disabled={top}
            />
          </Form.Item>
        </Form>
        {rule ? (
          <Alert type="error" showIcon title={rule} data-testid="escalate-error" />
        ) : (
          <ProblemAlert error={escalate.error} />
        )}
      </Flex>
    </Modal>
  );
}
