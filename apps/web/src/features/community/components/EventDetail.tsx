import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Cascader,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CommunityEvent, Invitation, InviteResult, Registration } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useRegions } from '../../customers/index.ts';
import {
  useCheckIn,
  useInvitations,
  useInvite,
  useOptOutInvitation,
  useRegister,
  useRegistrations,
  useStepEvent,
} from '../api.ts';
import { EventStatusTag } from './EventStatusTag.tsx';

type Step = 'open' | 'closed' | 'done' | 'cancelled';
/** The steps offered from each status (the server's state machine decides). */
const NEXT: Record<CommunityEvent['status'], Step[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'done', 'cancelled'],
  done: [],
  cancelled: [],
};

/** One event: status steps, invite from a list, invitations, registrations and check-in. */
export function EventDetail({ event, canManage }: { event: CommunityEvent; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useStepEvent();
  const k = 'community.event';
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      message.error(problemText(t, e));
    }
  };
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {event.title}
        </Typography.Title>
        <EventStatusTag status={event.status} />
        <Tag>{t(`community.eventKind.${event.kind}`)}</Tag>
        <Typography.Text type="secondary">
          {dayjs(event.startsAt).format('YYYY-MM-DD HH:mm')} · {event.place} ·{' '}
          {t(`${k}.capacityLeft`, { registered: event.registered, capacity: event.capacity })}
        </Typography.Text>
      </Flex>
      {canManage && NEXT[event.status].length > 0 && (
        <Space>
          {NEXT[event.status].map((to) => (
            <Button
              key={to}
              danger={to === 'cancelled'}
              loading={step.isPending}
              onClick={() => run(step.mutateAsync({ id: event.id, to, version: event.version }))}
              data-testid={`event-step-${to}`}
            >
              {t(`${k}.step.${to}`)}
            </Button>
          ))}
        </Space>
      )}
      {canManage && (event.status === 'draft' || event.status === 'open') && (
        <InviteCard eventId={event.id} />
      )}
      <Invitations event={event} canManage={canManage} onError={(e) => message.error(problemText(t, e))} />
      <Registrations event={event} canManage={canManage} onError={(e) => message.error(problemText(t, e))} />
    </Flex>
  );
}

interface InviteValues {
  purchasedWithinDays?: number | null;
  warrantyEndingWithinDays?: number | null;
  noContactForDays?: number | null;
  region?: string[];
}
const DAY_FIELDS = ['purchasedWithinDays', 'warrantyEndingWithinDays', 'noContactForDays'] as const;

function InviteCard({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const invite = useInvite();
  const [form] = Form.useForm<InviteValues>();
  const [result, setResult] = useState<InviteResult | null>(null);
  const k = 'community.event';
  const submit = async (v: InviteValues) => {
    setResult(null);
    const r = await invite.mutateAsync({
      id: eventId,
      filters: {
        purchasedWithinDays: v.purchasedWithinDays ?? null,
        warrantyEndingWithinDays: v.warrantyEndingWithinDays ?? null,
        noContactForDays: v.noContactForDays ?? null,
        regionCode: v.region?.length ? v.region[v.region.length - 1]! : null,
      },
    });
    setResult(r);
  };
  return (
    <Card size="small" title={t(`${k}.invite`)}>
      <Typography.Paragraph type="secondary">{t(`${k}.inviteHint`)}</Typography.Paragraph>
      <ProblemAlert error={invite.error} />
      <Form form={form} layout="inline" onFinish={(v) => void submit(v).catch(() => undefined)}>
        {DAY_FIELDS.map((name) => (
          <Form.Item key={name} name={name} label={t(`${k}.${name}`)}>
            <InputNumber min={1} max={3650} addonAfter={t(`${k}.days`)} style={{ width: 140 }} />
          </Form.Item>
        ))}
        <Form.Item name="region" label={t(`${k}.region`)}>
          <Cascader
            options={regions.data}
            changeOnSelect
            showSearch
            style={{ width: 220 }}
            data-testid="invite-region"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={invite.isPending} data-testid="invite-run">
          {t(`${k}.invite`)}
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="invite-result"
          message={t(`${k}.inviteDone`, {
            invited: result.invited,
            excluded: result.excludedOptedOut,
            already: result.alreadyInvited,
          })}
        />
      )}
    </Card>
  );
}

function Invitations({
  event,
  canManage,
  onError,
}: {
  event: CommunityEvent;
  canManage: boolean;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const list = useInvitations(event.id);
  const register = useRegister();
  const optOut = useOptOutInvitation();
  const [optingOut, setOptingOut] = useState<Invitation | null>(null);
  const [reason, setReason] = useState('');
  const k = 'community.event';
  return (
    <Card size="small" title={`${t(`${k}.invitations`)} (${list.data?.length ?? 0})`}>
      <ProblemAlert error={list.error} />
      <Table<Invitation>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t(`${k}.customer`), dataIndex: 'customerName' },
          { title: t(`${k}.sentAt`), render: (_, i) => dayjs(i.sentAt).format('YYYY-MM-DD HH:mm') },
          {
            title: t(`${k}.status`),
            render: (_, i) => (
              <Space size={4}>
                <Tag color={i.status === 'opted_out' ? 'error' : 'default'}>
                  {t(`community.invitationStatus.${i.status}`)}
                </Tag>
                {i.registered && <Tag color="processing">{t(`${k}.registered`)}</Tag>}
              </Space>
            ),
          },
          {
            title: t(`${k}.actions`),
            render: (_, i) =>
              canManage &&
              i.status === 'sent' &&
              !i.registered && (
                <Space size={0}>
                  {event.status === 'open' && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        register.mutateAsync({ id: event.id, body: { invitationId: i.id } }).catch(onError)
                      }
                      data-testid={`invitation-register-${i.customerName}`}
                    >
                      {t(`${k}.register`)}
                    </Button>
                  )}
                  <Button type="link" size="small" danger onClick={() => setOptingOut(i)}>
                    {t(`${k}.optOut`)}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!optingOut}
        title={t(`${k}.optOutTitle`)}
        okText={t(`${k}.save`)}
        cancelText={t(`${k}.cancel`)}
        okButtonProps={{ disabled: !reason.trim(), loading: optOut.isPending }}
        onCancel={() => setOptingOut(null)}
        onOk={() =>
          optOut
            .mutateAsync({ id: event.id, invitationId: optingOut!.id, reason: reason.trim() })
            .then(() => {
              setOptingOut(null);
              setReason('');
            })
            .catch(onError)
        }
      >
        <Typography.Paragraph>{optingOut?.customerName}</Typography.Paragraph>
        <Input.TextArea
          rows={2}
          maxLength={300}
          placeholder={t(`${k}.optOutReason`)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

function Registrations({
  event,
  canManage,
  onError,
}: {
  event: CommunityEvent;
  canManage: boolean;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const list = useRegistrations(event.id);
  const register = useRegister();
  const checkIn = useCheckIn();
  const [form] = Form.useForm<{ name: string; phone: string }>();
  const k = 'community.event';
  const canCheckIn = event.status === 'open' || event.status === 'closed';
  return (
    <Card size="small" title={`${t(`${k}.registrations`)} (${list.data?.length ?? 0})`}>
      {canManage && event.status === 'open' && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12 }}
          onFinish={(v) =>
            register
              .mutateAsync({ id: event.id, body: v })
              .then(() => form.resetFields())
              .catch(onError)
          }
        >
          <Typography.Text strong style={{ marginRight: 8, lineHeight: '32px' }}>
            {t(`${k}.walkIn`)}
          </Typography.Text>
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t(`${k}.walkInName`)} maxLength={50} data-testid="walkin-name" />
          </Form.Item>
          <Form.Item name="phone" rules={[{ required: true }]}>
            <Input placeholder={t(`${k}.walkInPhone`)} maxLength={12} data-testid="walkin-phone" />
          </Form.Item>
          <Button htmlType="submit" loading={register.isPending} data-testid="walkin-register">
            {t(`${k}.register`)}
          </Button>
        </Form>
      )}
      <ProblemAlert error={list.error} />
      <Table<Registration>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t(`${k}.walkInName`), dataIndex: 'name' },
          { title: t(`${k}.walkInPhone`), dataIndex: 'phone' },
          { title: t(`${k}.source`), render: (_, r) => t(`community.source.${r.source}`) },
          {
            title: t(`${k}.attendedAt`),
            render: (_, r) =>
              r.attendedAt ? (
                <Tag color="success">{dayjs(r.attendedAt).format('MM-DD HH:mm')}</Tag>
              ) : (
                <Tag>{t(`${k}.notYet`)}</Tag>
              ),
          },
          {
            title: t(`${k}.actions`),
            render: (_, r) =>
              canManage &&
              canCheckIn &&
              !r.attendedAt && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => checkIn.mutateAsync({ id: event.id, registrationId: r.id }).catch(onError)}
                  data-testid={`checkin-${r.name}`}
                >
                  {t(`${k}.checkIn`)}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
