import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Modal, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { EvaluationSummary } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
import { BUSINESS_TZ } from '../../workorders/index.ts';
import { useCreateEvaluation, useEvaluations } from '../api.ts';
import { GradeTag } from './grade.tsx';

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEvaluation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { subject: string; period: string; assessedOn: Dayjs }) => {
    setError(null);
    try {
      const r = await create.mutateAsync({
        subject: v.subject,
        period: v.period,
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
      });
      onClose();
      navigate(`/reports/evaluations/${r.evaluation.id}`);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open={open}
      title={t('evaluation.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('evaluation.create.submit')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'evaluation-create-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          period: String(dayjs().tz(BUSINESS_TZ).year()),
          assessedOn: dayjs().tz(BUSINESS_TZ),
        }}
        onFinish={submit}
      >
        <Form.Item name="subject" label={t('evaluation.create.subject')} rules={[{ required: true }]}>
          <Input autoFocus maxLength={120} data-testid="evaluation-create-subject" />
        </Form.Item>
        <Form.Item name="period" label={t('evaluation.create.period')} rules={[{ required: true }]}>
          <Input maxLength={40} data-testid="evaluation-create-period" />
        </Form.Item>
        <Form.Item name="assessedOn" label={t('evaluation.create.assessedOn')} rules={[{ required: true }]}>
          <DatePicker data-testid="evaluation-create-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Evaluations, newest first, with the way into each and a button to start one. */
export function EvaluationList() {
  const { t } = useTranslation();
  const me = useSession();
  const [subject, setSubject] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useEvaluations(subject.trim());
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Input.Search
          allowClear
          placeholder={t('evaluation.list.filterSubject')}
          style={{ width: 260 }}
          onSearch={setSubject}
          data-testid="evaluation-filter-subject"
        />
        {me.permissions.includes('evaluation:manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="evaluation-new"
          >
            {t('evaluation.list.new')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<EvaluationSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('evaluation.list.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `evaluation-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('evaluation.list.subject'),
            dataIndex: 'subject',
            render: (v: string, r) => (
              <Link to={`/reports/evaluations/${r.id}`}>
                <Typography.Text strong>{v}</Typography.Text>
              </Link>
            ),
          },
          { title: t('evaluation.list.period'), dataIndex: 'period' },
          { title: t('evaluation.list.assessedOn'), dataIndex: 'assessedOn' },
          {
            title: t('evaluation.list.status'),
            dataIndex: 'status',
            render: (s: EvaluationSummary['status']) => (
              <Tag color={s === 'final' ? 'green' : 'processing'}>{t(`evaluation.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('evaluation.list.score'),
            dataIndex: 'score',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
          { title: t('evaluation.list.grade'), dataIndex: 'grade', render: (g) => <GradeTag grade={g} /> },
          {
            title: t('evaluation.list.schemeVersion'),
            dataIndex: 'schemeVersion',
            render: (v: number) => `v${v}`,
          },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
