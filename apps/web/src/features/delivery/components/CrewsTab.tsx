import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Crew } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCreateCrew, useCrews, useTechnicianOptions } from '../api.ts';

/** 班组: crews of network technicians (a leader and members); planning needs at least one. */
export function CrewsTab({ canPlan }: { canPlan: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const crews = useCrews();
  const [open, setOpen] = useState(false);
  const techs = useTechnicianOptions(open);
  const create = useCreateCrew();
  const [form] = Form.useForm<{ name: string; leaderTechnicianId: string; memberTechnicianIds?: string[] }>();
  const options = (techs.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        name: v.name,
        leaderTechnicianId: v.leaderTechnicianId,
        memberTechnicianIds: v.memberTechnicianIds ?? [],
      },
      {
        onSuccess: () => {
          void message.success(t('delivery.crewCreated'));
          form.resetFields();
          setOpen(false);
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <>
      {canPlan && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => setOpen(true)}
          data-testid="crew-new"
        >
          {t('delivery.newCrew')}
        </Button>
      )}
      <ProblemAlert error={crews.error} />
      <Table<Crew>
        size="middle"
        rowKey="id"
        loading={crews.isPending}
        dataSource={crews.data?.items ?? []}
        pagination={false}
        columns={[
          { key: 'name', title: t('delivery.field.name'), dataIndex: 'name' },
          { key: 'leader', title: t('delivery.field.leader'), dataIndex: 'leaderName' },
          {
            key: 'members',
            title: t('delivery.field.members'),
            render: (_, c) => c.members.map((m) => <Tag key={m.id}>{m.name}</Tag>),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('delivery.newCrew')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ProblemAlert error={create.error} style={{ marginBottom: 8 }} />
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('delivery.field.name')} rules={[{ required: true, max: 40 }]}>
            <Input data-testid="crew-name" />
          </Form.Item>
          <Form.Item
            name="leaderTechnicianId"
            label={t('delivery.field.leader')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={options}
              loading={techs.isPending}
              data-testid="crew-leader"
            />
          </Form.Item>
          <Form.Item name="memberTechnicianIds" label={t('delivery.field.members')}>
            <Select mode="multiple" optionFilterProp="label" options={options} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
