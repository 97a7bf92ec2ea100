import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Radio, Segmented, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Appeal, AppealStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useAppeals, useDecideAppeal, yuan } from '../api.ts';

const COLOR: Record<AppealStatus, string> = { open: 'orange', upheld: 'green', rejected: 'default' };

/** Appeals against classifications and deductions; finance and quality decide them. */
export function AppealsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const [status, setStatus] = useState<AppealStatus | 'all'>('open');
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const q = useAppeals(status);
  const canDecide = me.permissions.includes('appeal:decide');
  return (
    <Flex vertical gap={12}>
      <Segmented<AppealStatus | 'all'>
        value={status}
        onChange={setStatus}
        data-testid="appeal-filter"
        options={[
          { value: 'open', label: t('settlement.appeals.statusOpen') },
          { value: 'upheld', label: t('settlement.appealStatus.upheld') },
          { value: 'rejected', label: t('settlement.appealStatus.rejected') },
          { value: 'all', label: t('settlement.appeals.statusAll') },
        ]}
      />
      {q.error ? <ProblemAlert error={q.error} /> : null}
      <Table<Appeal>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('settlement.appeals.empty') }}
        onRow={(a) => ({ 'data-testid': `appeal-row-${a.orderNumber}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('settlement.appeals.order'),
            dataIndex: 'orderNumber',
            render: (n: string, a) => <Link to={`/workorders/${a.orderId}`}>{n}</Link>,
          },
          {
            title: t('settlement.appeals.outlet'),
            dataIndex: ['outlet', 'name'],
            render: (v?: string) => v ?? '—',
          },
          {
            title: t('settlement.appeals.subject'),
            key: 'subject',
            render: (_: unknown, a) =>
              a.complaintId
                ? t('settlement.classes.complaint')
                : t(`settlement.classes.${(a.class ?? 'attitude') as 'attitude'}`),
          },
          {
            title: t('settlement.appeals.reason'),
            key: 'reason',
            render: (_: unknown, a) => (
              <Flex vertical>
                <Typography.Text>{a.reason}</Typography.Text>
                {a.evidenceText && <Typography.Text type="secondary">{a.evidenceText}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: t('settlement.appeals.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => bj(v).format('MM-DD HH:mm'),
          },
          {
            title: t('settlement.appeals.status'),
            dataIndex: 'status',
            render: (s: AppealStatus, a) => (
              <Flex vertical>
                <Tag color={COLOR[s]}>{t(`settlement.appealStatus.${s}`)}</Tag>
                {a.decisionReason && <Typography.Text type="secondary">{a.decisionReason}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: t('settlement.appeals.restored'),
            dataIndex: 'restoredFen',
            align: 'right',
            render: (v: number) => (v ? yuan(v) : '—'),
          },
          {
            title: '',
            key: 'act',
            render: (_: unknown, a) =>
              canDecide && a.status === 'open' ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setDeciding(a)}
                  data-testid="appeal-decide"
                >
                  {t('settlement.appeals.decide')}
                </Button>
              ) : null,
          },
        ]}
      />
      {deciding && <DecisionDialog appeal={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}

function DecisionDialog({ appeal, onClose }: { appeal: Appeal; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideAppeal();
  const [form] = Form.useForm<{ decision: 'upheld' | 'rejected'; reason: string }>();
  const ok = async () => {
    const v = await form.validateFields();
    decide.mutate(
      { id: appeal.id, body: { version: appeal.version, decision: v.decision, reason: v.reason } },
      {
        onSuccess: () => (message.success(t('settlement.appeals.decided')), onClose()),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open
      title={t('settlement.appeals.decideTitle', { number: appeal.orderNumber })}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={decide.isPending}
      okText={t('settlement.appeals.submit')}
      okButtonProps={{ 'data-testid': 'appeal-decision-submit' } as ButtonProps}
    >
      <Typography.Paragraph>{appeal.reason}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ decision: 'rejected' }}>
        <Form.Item name="decision" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              {
                value: 'upheld',
                label: <span data-testid="appeal-decision-upheld">{t('settlement.appeals.upheld')}</span>,
              },
              {
                value: 'rejected',
                label: <span data-testid="appeal-decision-rejected">{t('settlement.appeals.rejected')}</span>,
              },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('settlement.appeals.decisionReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="appeal-decision-reason" />
        </Form.Item>
      </Form>
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
    </Modal>
  );
}
