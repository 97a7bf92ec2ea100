import { useMemo, useState } from 'react';
import { AutoComplete, Button, Card, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj, reasonText } from '../../workorders/index.ts';
import { useAudit, useUsers, type AuditEntry, type AuditFilter } from '../api.ts';

const STREAM_TYPES = [
  'work_order',
  'customer',
  'product_category',
  'product_model',
  'fault_code',
  'calendar',
  'role',
  'setting',
  'user',
];

const shortId = (id: string) => (id.length > 16 ? `${id.slice(0, 8)}…${id.slice(-6)}` : id);

/** 审计日志: the event trail, newest first; filter by stream; older pages with the `before` cursor. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilter>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(filter);
  const users = useUsers(200);
  const names = useMemo(
    () => new Map((users.data?.pages.flatMap((p) => p.items) ?? []).map((u) => [u.id, u.displayName])),
    [users.data],
  );
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];

  const stateLabel = (r: AuditEntry, state: string) =>
    r.streamType === 'work_order' ? t(`workorders.status.${state as 'new'}`, { defaultValue: state }) : state;

  const apply = (v: AuditFilter) =>
    setFilter({ streamType: v.streamType?.trim() || undefined, streamId: v.streamId?.trim() || undefined });

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.audit')} description={t('settings.auditPage.subtitle')} />
      <Card size="small">
        <Form form={form} layout="inline" onFinish={apply} className="anxin-filter-form">
          <Form.Item name="streamType" label={t('settings.auditPage.streamType')}>
            <AutoComplete
              allowClear
              style={{ width: 200 }}
              options={STREAM_TYPES.map((s) => ({
                value: s,
                label: `${t(`settings.streams.${s as 'work_order'}`, { defaultValue: s })} · ${s}`,
              }))}
              placeholder={t('settings.auditPage.streamTypePlaceholder')}
              data-testid="audit-stream-type"
            />
          </Form.Item>
          <Form.Item name="streamId" label={t('settings.auditPage.streamId')}>
            <Input
              allowClear
              style={{ width: 280 }}
              placeholder={t('settings.auditPage.streamIdPlaceholder')}
              data-testid="audit-stream-id"
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('settings.actions.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('settings.actions.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ProblemAlert error={audit.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={audit.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 980 }}
          expandable={{
            rowExpandable: (r) => Object.keys(r.data).length > 0,
            expandedRowRender: (r) => <pre className="anxin-json">{JSON.stringify(r.data, null, 2)}</pre>,
          }}
          columns={[
            {
              key: 'at',
              title: t('settings.auditPage.at'),
              width: 170,
              render: (_, r) => bj(r.occurredAt).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              key: 'type',
              title: t('settings.auditPage.type'),
              width: 220,
              render: (_, r) => <Typography.Text code>{r.type}</Typography.Text>,
            },
            {
              key: 'stream',
              title: t('settings.auditPage.stream'),
              render: (_, r) => (
                <Flex vertical>
                  <span>
                    {t(`settings.streams.${r.streamType as 'work_order'}`, {
                      defaultValue: t('settings.streams.other'),
                    })}
                  </span>
                  {r.streamType === 'work_order' ? (
                    // The order's number, or its id when the event does not carry the number.
                    <Link to={`/workorders/${r.streamId}`} style={{ fontSize: 12 }} data-literal>
                      {typeof r.data.number === 'string' ? r.data.number : shortId(r.streamId)}
                    </Link>
                  ) : (
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12 }}
                      copyable={{ text: r.streamId }}
                      // An identifier an auditor copies and searches by: shown as such (page scan).
                      data-literal
                    >
                      {shortId(r.streamId)}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'actor',
              title: t('settings.auditPage.actor'),
              width: 150,
              render: (_, r) =>
                r.actorId ? (
                  (names.get(r.actorId) ?? `${r.actorId.slice(0, 8)}…`)
                ) : (
                  <Tag>
                    {t(`settings.actorKinds.${r.actorKind as 'system'}`, { defaultValue: r.actorKind })}
                  </Tag>
                ),
            },
            {
              key: 'change',
              title: t('settings.auditPage.change'),
              render: (_, r) =>
                r.from || r.to ? (
                  <Space size={4} wrap>
                    {r.from && <Tag>{stateLabel(r, r.from)}</Tag>}
                    <ArrowRightOutlined style={{ color: 'rgba(0,0,0,.35)' }} />
                    {r.to && <Tag color="cyan">{stateLabel(r, r.to)}</Tag>}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              key: 'reason',
              title: t('settings.auditPage.reason'),
              render: (_, r) => (r.reason ? reasonText(t, r.reason) : '—'),
            },
          ]}
        />
        <Flex justify="center" style={{ padding: 16 }}>
          {audit.hasNextPage ? (
            <Button
              onClick={() => audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              data-testid="audit-load-more"
            >
              {t('settings.auditPage.older')}
            </Button>
          ) : (
            items.length > 0 && (
              <Typography.Text type="secondary">{t('settings.auditPage.end')}</Typography.Text>
            )
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
