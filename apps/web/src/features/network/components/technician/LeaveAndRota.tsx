import { Button, DatePicker, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { useLeaveAndRota } from './useLeaveAndRota.ts';

/** Leave periods and rota days (duty / off) of a saved technician. */
export function LeaveAndRota({ tech }: { tech: Technician }) {
  const { t } = useTranslation();
  const { leave, rota, error, leaveForm, rotaForm, addLeave, removeLeave, putRota, clearRota, run } =
    useLeaveAndRota(tech);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <ProblemAlert error={error} />
      <div>
        <Typography.Title level={5}>{t('network.technicians.leave')}</Typography.Title>
        <Form
          form={leaveForm}
          layout="inline"
          initialValues={{ kind: 'leave' }}
          onFinish={async (v) => {
            const ok = await run(
              addLeave.mutateAsync({
                startAt: v.period[0].toISOString(),
                endAt: v.period[1].toISOString(),
                kind: v.kind,
                note: v.note || null,
              }),
            );
            if (ok) leaveForm.resetFields();
          }}
          data-testid="leave-form"
        >
          <Form.Item name="period" rules={[{ required: true, message: t('network.common.required') }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm', minuteStep: 30 }}
              format="YYYY-MM-DD HH:mm"
              data-testid="leave-period"
            />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 120 }}
              options={(['leave', 'sick', 'training', 'other'] as const).map((k) => ({
                value: k,
                label: t(`network.leaveKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('network.technicians.note')} style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={addLeave.isPending} data-testid="leave-add">
            {t('network.technicians.addLeave')}
          </Button>
        </Form>
        <List
          size="small"
          data-testid="leave-list"
          dataSource={leave.data?.items ?? []}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button
                  key="rm"
                  type="link"
                  danger
                  size="small"
                  onClick={() => void run(removeLeave.mutateAsync(l.id))}
                >
                  {t('network.common.remove')}
                </Button>,
              ]}
            >
              <Space>
                <Tag>{t(`network.leaveKinds.${l.kind}`)}</Tag>
                {dayjs(l.startAt).format('YYYY-MM-DD HH:mm')} – {dayjs(l.endAt).format('YYYY-MM-DD HH:mm')}
                {l.note && <Typography.Text type="secondary">{l.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('network.technicians.rota')}</Typography.Title>
        <Form
          form={rotaForm}
          layout="inline"
          initialValues={{ kind: 'duty' }}
          onFinish={async (v) => {
            const ok = await run(putRota.mutateAsync({ date: v.date.format('YYYY-MM-DD'), kind: v.kind }));
            if (ok) rotaForm.resetFields();
          }}
        >
          <Form.Item name="date" rules={[{ required: true, message: t('network.common.required') }]}>
            <DatePicker placeholder={t('network.technicians.rotaDate')} data-testid="rota-date" />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 110 }}
              options={(['duty', 'off'] as const).map((k) => ({
                value: k,
                label: t(`network.rotaKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Button htmlType="submit" data-testid="rota-add">
            {t('network.technicians.addRota')}
          </Button>
        </Form>
        <Space wrap style={{ marginTop: 8 }} data-testid="rota-list">
          {(rota.data?.items ?? []).map((r) => (
            <Tag
              key={r.date}
              color={r.kind === 'duty' ? 'blue' : 'default'}
              closable
              onClose={(e) => {
                e.preventDefault();
                void run(clearRota.mutateAsync(r.date));
              }}
            >
              {r.date} {t(`network.rotaKinds.${r.kind}`)}
            </Tag>
          ))}
        </Space>
      </div>
    </Space>
  );
}
