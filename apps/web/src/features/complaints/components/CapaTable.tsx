import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CAPA_KINDS, type Capa, type CapaKind, type ComplaintDetail } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useAddCapa, useCapaStatus } from '../api.ts';

interface Values {
  kind: CapaKind;
  action: string;
  owner?: string;
  dueOn?: Dayjs;
}

const STATUS_COLOR = { open: 'blue', done: 'cyan', verified: 'green' } as const;

/** Corrective and preventive actions: owner, due date, open → done → verified, overdue flag. */
export function CapaTable({ d, editable }: { d: ComplaintDetail; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const add = useAddCapa();
  const status = useCapaStatus();
  const id = d.complaint.id;

  const submit = (v: Values) =>
    add.mutate(
      {
        id,
        body: {
          kind: v.kind,
          action: v.action,
          ...(v.owner?.trim() ? { owner: v.owner.trim() } : {}),
          ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
        },
      },
      {
        onSuccess: () => {
          form.resetFields();
          setAdding(false);
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );

  return (
    <Flex vertical gap={8}>
      <Table<Capa>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.capa}
        locale={{ emptyText: t('complaints.detail.capaEmpty') }}
        onRow={(_, i) => ({ 'data-testid': `cp-capa-row-${i}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('complaints.detail.capaKind'),
            dataIndex: 'kind',
            render: (k: CapaKind) => t(`complaints.capaKinds.${k}`),
          },
          { title: t('complaints.detail.capaAction'), dataIndex: 'action' },
          { title: t('complaints.detail.capaOwner'), dataIndex: 'owner' },
          {
            title: t('complaints.detail.capaDue'),
            dataIndex: 'dueOn',
            render: (v: string, r) => (
              <Flex gap={4}>
                {v}
                {r.overdue && <Tag color="red">{t('complaints.detail.capaOverdue')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('complaints.detail.capaStatus'),
            dataIndex: 'status',
            render: (s: Capa['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`complaints.capaStatuses.${s}`)}</Tag>
            ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, r: Capa, i: number) =>
                    r.status === 'verified' ? null : (
                      <Button
                        size="small"
                        loading={status.isPending && status.variables?.capaId === r.id}
                        data-testid={r.status === 'open' ? `cp-capa-done-${i}` : `cp-capa-verify-${i}`}
                        onClick={() =>
                          status.mutate({
                            id,
                            capaId: r.id,
                            status: r.status === 'open' ? 'done' : 'verified',
                            version: r.version,
                          })
                        }
                      >
                        {r.status === 'open'
                          ? t('complaints.detail.capaDone')
                          : t('complaints.detail.capaVerify')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {status.error && <ProblemAlert error={status.error} />}
      {editable &&
        (adding ? (
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            // A week from today (Beijing) as the default due date.
            initialValues={{ kind: 'corrective', dueOn: bj(new Date().toISOString()).add(7, 'day') }}
            data-testid="cp-capa-form"
          >
            <Flex gap={8} wrap>
              <Form.Item name="kind" label={t('complaints.detail.capaKind')} style={{ width: 140 }}>
                <Select
                  data-testid="cp-capa-kind"
                  options={CAPA_KINDS.map((k) => ({ value: k, label: t(`complaints.capaKinds.${k}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="action"
                label={t('complaints.detail.capaAction')}
                style={{ flex: '1 1 260px' }}
                rules={[{ required: true, max: 1000 }]}
              >
                <Input autoFocus data-testid="cp-capa-action" />
              </Form.Item>
            </Flex>
            <Flex gap={8} wrap align="end">
              <Form.Item name="owner" label={t('complaints.detail.capaOwner')} style={{ flex: '1 1 200px' }}>
                <Input maxLength={100} data-testid="cp-capa-owner" />
              </Form.Item>
              <Form.Item name="dueOn" label={t('complaints.detail.capaDue')}>
                <DatePicker
                  data-testid="cp-capa-due"
                  disabledDate={(day) => day.isBefore(bj(new Date().toISOString()).startOf('day'), 'day')}
                />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="cp-capa-submit">
                  {t('complaints.detail.capaSubmit')}
                </Button>
              </Form.Item>
            </Flex>
            {add.error && <ProblemAlert error={add.error} />}
          </Form>
        ) : (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="cp-capa-add">
            {t('complaints.detail.capaAdd')}
          </Button>
        ))}
    </Flex>
  );
}
