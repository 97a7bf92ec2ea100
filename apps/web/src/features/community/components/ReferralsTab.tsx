import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Referral, ReferralStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useCategoryName } from '../../customers/index.ts';
import { useReferrals, useStepReferral } from '../api.ts';
import { CustomerSelect } from './CustomerSelect.tsx';
import { Figures } from './Figures.tsx';
import { ReferralDrawer } from './ReferralDrawer.tsx';

const COLORS: Record<ReferralStatus, string> = {
  draft: 'default',
  contacted: 'processing',
  converted: 'success',
  lost: 'error',
};

/** The referral list with its state-machine actions, the figures, and the recording drawer. */
export function ReferralsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useReferrals();
  const step = useStepReferral();
  const categoryName = useCategoryName();
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<{ r: Referral; to: 'converted' | 'lost' } | null>(null);
  const k = 'community.referral';

  const contacted = async (r: Referral) => {
    try {
      await step.mutateAsync({ id: r.id, to: 'contacted', version: r.version });
      message.success(t(`${k}.updated`));
    } catch (e) {
      message.error(problemText(t, e));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Figures kind="referrals" />
      {canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="referral-create"
        >
          {t(`${k}.create`)}
        </Button>
      )}
      <ProblemAlert error={list.error} />
      <Table<Referral>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data}
        locale={{ emptyText: t(`${k}.empty`) }}
        columns={[
          { title: t(`${k}.number`), dataIndex: 'number' },
          { title: t(`${k}.referrer`), dataIndex: 'referrerName' },
          { title: t(`${k}.name`), dataIndex: 'name' },
          { title: t(`${k}.phone`), dataIndex: 'phone' },
          {
            title: t(`${k}.interest`),
            render: (_, r) => (r.interestCategory ? categoryName(r.interestCategory) : '—'),
          },
          { title: t(`${k}.channel`), render: (_, r) => t(`community.channel.${r.channel}`) },
          {
            title: t(`${k}.status`),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={COLORS[r.status]} data-testid={`referral-status-${r.phone}`}>
                  {t(`community.referralStatus.${r.status}`)}
                </Tag>
                {r.reward && (
                  <Tooltip title={r.rewardText}>
                    <Tag color="gold">{t(`${k}.rewardYes`)}</Tag>
                  </Tooltip>
                )}
                {r.lostReason && <span>{r.lostReason}</span>}
              </Space>
            ),
          },
          { title: t(`${k}.createdAt`), render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
          {
            title: t(`${k}.actions`),
            render: (_, r) =>
              canManage && (
                <Space size={0}>
                  {r.status === 'draft' && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => contacted(r)}
                      data-testid="referral-contacted"
                    >
                      {t(`${k}.contacted`)}
                    </Button>
                  )}
                  {r.status === 'contacted' && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setClosing({ r, to: 'converted' })}
                      data-testid="referral-convert"
                    >
                      {t(`${k}.convert`)}
                    </Button>
                  )}
                  {(r.status === 'draft' || r.status === 'contacted') && (
                    <Button type="link" size="small" danger onClick={() => setClosing({ r, to: 'lost' })}>
                      {t(`${k}.lose`)}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <ReferralDrawer open={creating} onClose={() => setCreating(false)} />
      {closing && <CloseModal referral={closing.r} to={closing.to} onClose={() => setClosing(null)} />}
    </Flex>
  );
}

/** Conversion (customer record and/or contract) or loss (reason). */
function CloseModal({
  referral,
  to,
  onClose,
}: {
  referral: Referral;
  to: 'converted' | 'lost';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ customerId?: string; contractId?: string; reason?: string }>();
  const step = useStepReferral();
  const k = 'community.referral';
  const submit = async () => {
    const v = form.getFieldsValue();
    await step.mutateAsync({
      id: referral.id,
      to,
      version: referral.version,
      customerId: v.customerId ?? null,
      contractId: v.contractId?.trim() || null,
      reason: v.reason ?? '',
    });
    onClose();
  };
  return (
    <Modal
      open
      title={t(to === 'converted' ? `${k}.convertTitle` : `${k}.loseTitle`)}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t(`${k}.save`)}
      cancelText={t(`${k}.cancel`)}
      confirmLoading={step.isPending}
      okButtonProps={{ 'data-testid': 'referral-close-save' } as never}
    >
      <ProblemAlert error={step.error} />
      <Form form={form} layout="vertical">
        {to === 'converted' ? (
          <>
            <Form.Item name="customerId" label={t(`${k}.convertCustomer`)}>
              <CustomerSelect
                placeholder={t(`${k}.referrerPlaceholder`)}
                testId="referral-convert-customer"
              />
            </Form.Item>
            <Form.Item name="contractId" label={t(`${k}.convertContract`)}>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t(`${k}.lostReason`)}>
            <Input.TextArea rows={2} maxLength={300} data-testid="referral-lost-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
