import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  type ComplaintSeverity,
  type ComplaintSource,
  type OrderLookup,
} from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { lookupOrder, useCreateComplaint } from '../api.ts';

interface Values {
  source: ComplaintSource;
  severity: ComplaintSeverity;
  summary: string;
  description?: string;
}

/** Intake: find the order by its number (prefills customer, outlet, technician), then the facts. */
export function CreateComplaintDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateComplaint();
  const [number, setNumber] = useState('');
  const [order, setOrder] = useState<OrderLookup | null>(null);
  const [lookupState, setLookupState] = useState<'idle' | 'loading' | 'missing'>('idle');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setNumber('');
    setOrder(null);
    setLookupState('idle');
    create.reset();
  }, [open]);

  const find = async () => {
    const n = number.trim();
    if (n.length < 4) return;
    setLookupState('loading');
    try {
      setOrder(await lookupOrder(n));
      setLookupState('idle');
    } catch {
      setOrder(null);
      setLookupState('missing');
    }
  };

  const submit = (v: Values) =>
    create.mutate(
      {
        source: v.source,
        severity: v.severity,
        summary: v.summary,
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        ...(order ? { orderId: order.id } : {}),
      },
      {
        onSuccess: (d) => {
          message.success(t('complaints.create.created', { number: d.complaint.number }));
          onCreated(d.complaint.id);
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('complaints.create.title')}
      size={520}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="cp-create-submit"
        >
          {t('complaints.create.submit')}
        </Button>
      }
    >
      <Flex vertical gap={12} data-testid="cp-create">
        <Form.Item label={t('complaints.create.orderNumber')} style={{ marginBottom: 0 }} layout="vertical">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              autoFocus
              value={number}
              placeholder={t('complaints.create.orderPlaceholder')}
              onChange={(e) => setNumber(e.target.value)}
              onPressEnter={() => void find()}
              data-testid="cp-create-order-number"
            />
            <Button
              icon={<SearchOutlined />}
              loading={lookupState === 'loading'}
              onClick={() => void find()}
              data-testid="cp-create-lookup"
            >
              {t('complaints.create.lookup')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {order && (
          <Alert
            type="success"
            showIcon
            data-testid="cp-create-order"
            title={t('complaints.create.orderFound', {
              number: order.number,
              customer: order.customer?.name ?? '—',
              outlet: order.outlet?.name ?? t('complaints.create.noOutlet'),
            })}
          />
        )}
        {lookupState === 'missing' && (
          <Alert type="warning" showIcon title={t('complaints.create.orderNotFound')} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ source: 'hotline', severity: 'normal' }}
        >
          <Flex gap={12}>
            <Form.Item
              name="source"
              label={t('complaints.create.source')}
              style={{ flex: 1 }}
              rules={[{ required: true }]}
            >
              <Select
                data-testid="cp-create-source"
                options={COMPLAINT_SOURCES.map((s) => ({ value: s, label: t(`complaints.sources.${s}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="severity"
              label={t('complaints.create.severity')}
              style={{ flex: 1 }}
              rules={[{ required: true }]}
            >
              <Select
                data-testid="cp-create-severity"
                options={COMPLAINT_SEVERITIES.map((s) => ({
                  value: s,
                  label: t(`complaints.severities.${s}`),
                }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="summary"
            label={t('complaints.create.summary')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input data-testid="cp-create-summary" maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('complaints.create.description')}>
            <Input.TextArea data-testid="cp-create-description" rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
        {create.error && <ProblemAlert error={create.error} />}
      </Flex>
    </Drawer>
  );
}
