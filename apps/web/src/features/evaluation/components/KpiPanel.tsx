import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Modal,
  Progress,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
  type ButtonProps,
} from 'antd';
import { InfoCircleOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Kpi } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
import { BUSINESS_TZ } from '../../workorders/index.ts';
import { useKpis, useKpiTargets, useSaveKpiTargets, type KpiTargetsView } from '../api.ts';
import { pct } from './grade.tsx';

const FMT = 'YYYY-MM-DD';

function KpiCard({ k }: { k: Kpi }) {
  const { t } = useTranslation();
  const percent = k.value === null ? 0 : Math.round(k.value * 1000) / 10;
  const targetText = t(k.direction === 'max' ? 'evaluation.kpis.targetMax' : 'evaluation.kpis.targetMin', {
    value: pct(k.target, 0),
  });
  return (
    <Card size="small" data-testid={`kpi-${k.key}`} style={{ height: '100%' }}>
      <Flex vertical align="center" gap={8}>
        <Space size={4}>
          <Typography.Text strong>{t(`evaluation.kpis.names.${k.key}`)}</Typography.Text>
          <Tooltip title={t(`evaluation.kpis.hints.${k.key}`)}>
            <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Space>
        <Progress
          type="dashboard"
          percent={Math.min(100, percent)}
          format={() => (k.value === null ? t('evaluation.kpis.noData') : pct(k.value))}
          status={k.met === null ? 'normal' : k.met ? 'success' : 'exception'}
          strokeColor={k.met === null ? undefined : k.met ? '#52c41a' : '#ff4d4f'}
          size={132}
        />
        <Typography.Text type="secondary" data-testid={`kpi-${k.key}-ratio`}>
          {t('evaluation.kpis.ratio', { numerator: k.numerator, denominator: k.denominator })}
        </Typography.Text>
        <Space>
          <Typography.Text>{targetText}</Typography.Text>
          {k.met !== null && (
            <Tag color={k.met ? 'green' : 'red'} data-testid={`kpi-${k.key}-met`}>
              {t(k.met ? 'evaluation.kpis.met' : 'evaluation.kpis.notMet')}
            </Tag>
          )}
        </Space>
      </Flex>
    </Card>
  );
}

const TARGET_FIELDS = [
  'regionCoverage',
  'selfBuiltShare',
  'complaintRateMax',
  'complaintResolutionMin',
  'satisfactionMin',
  'responseOnTimeMin',
] as const;
const TARGET_LABEL: Record<(typeof TARGET_FIELDS)[number], Kpi['key']> = {
  regionCoverage: 'regionCoverage',
  selfBuiltShare: 'selfBuiltShare',
  complaintRateMax: 'complaintRate',
  complaintResolutionMin: 'complaintResolution',
  satisfactionMin: 'satisfaction',
  responseOnTimeMin: 'responseOnTime',
};

function TargetsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const targets = useKpiTargets();
  const save = useSaveKpiTargets();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const data = targets.data;
  const initial = data
    ? {
        ...Object.fromEntries(TARGET_FIELDS.map((f) => [f, Math.round(data[f] * 1000) / 10])),
        responseWindowHours: data.responseWindowHours,
      }
    : undefined;
  const submit = async (v: Record<string, number>) => {
    setError(null);
    const body = {
      ...Object.fromEntries(TARGET_FIELDS.map((f) => [f, (v[f] ?? 0) / 100])),
      responseWindowHours: v.responseWindowHours,
      version: data!.version,
    } as KpiTargetsView;
    try {
      await save.mutateAsync(body);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open={open}
      title={t('evaluation.kpis.targets')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'kpi-targets-save' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      {initial && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          {TARGET_FIELDS.map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`evaluation.kpis.names.${TARGET_LABEL[f]}`)}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={100}
                step={1}
                suffix="%"
                style={{ width: 160 }}
                data-testid={`kpi-target-${f}`}
              />
            </Form.Item>
          ))}
          <Form.Item
            name="responseWindowHours"
            label={t('evaluation.kpis.windowHours')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={720} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** Live KPIs against the configurable targets (coverage, self-built, complaints, satisfaction, response). */
export function KpiPanel() {
  const { t } = useTranslation();
  const me = useSession();
  // Business dates are Shanghai dates, whatever the browser's time zone.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs().tz(BUSINESS_TZ);
    return [today.startOf('month'), today];
  });
  const [editing, setEditing] = useState(false);
  const kpis = useKpis(range[0].format(FMT), range[1].format(FMT));
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          data-testid="kpi-range"
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        {me.permissions.includes('settings:manage') && (
          <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="kpi-edit-targets">
            {t('evaluation.kpis.editTargets')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={kpis.error} />
      <Row gutter={[16, 16]}>
        {(kpis.data?.kpis ?? []).map((k) => (
          <Col key={k.key} xs={24} sm={12} lg={8} xxl={4}>
            <KpiCard k={k} />
          </Col>
        ))}
      </Row>
      <Alert type="info" showIcon message={t('evaluation.kpis.note')} />
      <TargetsModal open={editing} onClose={() => setEditing(false)} />
    </Flex>
  );
}
