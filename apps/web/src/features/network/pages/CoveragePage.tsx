import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  Cascader,
  Col,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PROSPECT_STAGES, type CoverageReport, type Prospect } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useMe } from '../../auth/index.ts';
import { settingHref } from '../../settings/index.ts';
import { regionPath, useCategories, useRegions } from '../../customers/index.ts';
import { networkApi, useCoverage, useNetworkMutation, useOutlets, useProspects } from '../api.ts';
import { pct } from '../components/bits.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';

const STAGE_COLORS = {
  prospect: 'default',
  negotiating: 'processing',
  signed: 'gold',
  active: 'green',
} as const;
type Stage = (typeof PROSPECT_STAGES)[number];

/** 网点覆盖: coverage against targets, the uncovered list with the pipeline beside it, the pipeline. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('outlet:manage') && me.data?.scope.level === 'all';
  const coverage = useCoverage();
  const prospects = useProspects();
  const categories = useCategories();
  const catName = (code: string) => categories.data?.items.find((c) => c.code === code)?.nameZh ?? code;
  const navigate = useNavigate();
  const [prospectOpen, setProspectOpen] = useState<{
    prospect: Prospect | null;
    regionCode?: string;
    category?: string;
  } | null>(null);
  const [backOf, setBackOf] = useState<Prospect | null>(null);
  const [activate, setActivate] = useState<Prospect | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const move = useNetworkMutation(
    (v: { p: Prospect; stage: Stage; reason?: string; linkedOutletId?: string }) =>
      networkApi.moveProspect(v.p.id, {
        version: v.p.version,
        stage: v.stage,
        reason: v.reason ?? null,
        linkedOutletId: v.linkedOutletId ?? null,
      }),
  );
  const report = coverage.data;

  const forward = async (p: Prospect) => {
    const next = PROSPECT_STAGES[PROSPECT_STAGES.indexOf(p.stage) + 1];
    if (!next) return;
    if (next === 'active') return setActivate(p);
    setMoveError(null);
    try {
      await move.mutateAsync({ p, stage: next });
    } catch (e) {
      setMoveError(e);
    }
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.coverage')}
        description={t('network.coverage.subtitle')}
        extra={
          canManage && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => navigate(settingHref('network.coverage_targets'))}
              data-testid="coverage-edit-targets"
            >
              {t('network.coverage.editTargets')}
            </Button>
          )
        }
      />
      <ProblemAlert error={coverage.error ?? prospects.error ?? moveError} />
      {report && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12} xl={8}>
            <Gauge
              testId="coverage-region"
              title={t('network.coverage.regionCoverage')}
              hint={t('network.coverage.regionCoverageHint')}
              ratio={report.regionCoverage.ratio}
              target={report.targets.regionCoverage}
              detail={t('network.coverage.ofTotal', {
                covered: report.regionCoverage.covered,
                total: report.regionCoverage.total,
              })}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Gauge
              testId="coverage-self-built"
              title={t('network.coverage.selfBuilt')}
              hint={t('network.coverage.selfBuiltHint')}
              ratio={report.selfBuilt.ratio}
              target={report.targets.selfBuiltShare}
              detail={t('network.coverage.ofTotal', {
                covered: report.selfBuilt.selfBuilt,
                total: report.selfBuilt.active,
              })}
            />
          </Col>
          <Col xs={24} xl={8}>
            <Card
              title={t('network.coverage.byCategory')}
              size="small"
              style={{ height: '100%' }}
              data-testid="coverage-by-category"
            >
              <Flex vertical gap={8}>
                {report.regionCoverage.byCategory.map((c) => (
                  <div key={c.categoryCode}>
                    <Flex justify="space-between">
                      <Typography.Text>{catName(c.categoryCode)}</Typography.Text>
                      <Typography.Text type="secondary">
                        {pct(c.ratio)} ({c.covered}/{c.total})
                      </Typography.Text>
                    </Flex>
                    <Progress
                      percent={Math.round((c.ratio ?? 0) * 100)}
                      showInfo={false}
                      size="small"
                      status={(c.ratio ?? 0) >= report.targets.regionCoverage ? 'success' : 'exception'}
                    />
                  </div>
                ))}
                {!report.regionCoverage.byCategory.length && (
                  <Empty description={t('network.coverage.noData')} />
                )}
              </Flex>
            </Card>
          </Col>
        </Row>
      )}
      <Card title={t('network.coverage.uncovered')} styles={{ body: { padding: 0 } }}>
        <Table<CoverageReport['uncovered'][number]>
          data-testid="coverage-uncovered"
          rowKey={(u) => `${u.districtCode}|${u.categoryCode}`}
          loading={coverage.isPending}
          dataSource={report?.uncovered ?? []}
          locale={{ emptyText: t('network.coverage.uncoveredEmpty') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              key: 'district',
              title: t('network.coverage.district'),
              render: (_, u) => u.regionName || u.districtCode,
            },
            {
              key: 'category',
              title: t('network.coverage.category'),
              render: (_, u) => catName(u.categoryCode),
            },
            {
              key: 'installed',
              title: t('network.coverage.installed'),
              dataIndex: 'installedProducts',
              align: 'right',
              width: 100,
            },
            {
              key: 'pipeline',
              title: t('network.coverage.pipelineBeside'),
              render: (_, u) =>
                u.prospects.length ? (
                  <Space wrap>
                    {u.prospects.map((p) => (
                      <Tag key={p.id} color={STAGE_COLORS[p.stage]}>
                        {p.name} · {t(`network.stages.${p.stage}`)}
                      </Tag>
                    ))}
                  </Space>
                ) : canManage ? (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() =>
                      setProspectOpen({
                        prospect: null,
                        regionCode: u.districtCode,
                        category: u.categoryCode,
                      })
                    }
                  >
                    {t('network.coverage.newProspect')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('network.coverage.noPipeline')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('network.coverage.pipeline')}
        styles={{ body: { padding: 0 } }}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setProspectOpen({ prospect: null })}
              data-testid="prospect-create"
            >
              {t('network.coverage.newProspect')}
            </Button>
          )
        }
      >
        <Table<Prospect>
          data-testid="prospects-table"
          rowKey="id"
          loading={prospects.isPending}
          dataSource={prospects.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          onRow={(p) => ({ 'data-testid': `prospect-row-${p.name}` }) as object}
          columns={[
            {
              key: 'name',
              title: t('network.coverage.prospectName'),
              render: (_, p) =>
                canManage ? (
                  <Typography.Link onClick={() => setProspectOpen({ prospect: p })}>{p.name}</Typography.Link>
                ) : (
                  p.name
                ),
            },
            { key: 'region', title: t('network.coverage.prospectRegion'), render: (_, p) => p.regionName },
            {
              key: 'categories',
              title: t('network.coverage.category'),
              render: (_, p) => p.categories.map(catName).join('、') || '—',
            },
            {
              key: 'contact',
              title: t('network.coverage.contact'),
              render: (_, p) => [p.contactName, p.contactPhone].filter(Boolean).join(' ') || '—',
            },
            {
              key: 'stage',
              title: t('network.coverage.stage'),
              width: 110,
              render: (_, p) => (
                <Tag color={STAGE_COLORS[p.stage]} data-testid={`prospect-stage-${p.stage}`}>
                  {t(`network.stages.${p.stage}`)}
                </Tag>
              ),
            },
            {
              key: 'actions',
              title: '',
              width: 210,
              fixed: 'right',
              render: (_, p) => {
                if (!canManage) return null;
                const next = PROSPECT_STAGES[PROSPECT_STAGES.indexOf(p.stage) + 1];
                return (
                  <Space size={4}>
                    {next && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => void forward(p)}
                        data-testid={`prospect-forward-${p.name}`}
                      >
                        {t('network.coverage.next', { stage: t(`network.stages.${next}`) })}
                      </Button>
                    )}
                    {p.stage !== 'prospect' && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setBackOf(p)}
                        data-testid={`prospect-back-${p.name}`}
                      >
                        {t('network.coverage.back')}
                      </Button>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <ProspectDrawer state={prospectOpen} onClose={() => setProspectOpen(null)} />
      <ReasonModal
        open={!!backOf}
        testId="prospect-back-reason"
        title={t('network.coverage.backTitle')}
        onClose={() => setBackOf(null)}
        onOk={(reason) =>
          move.mutateAsync({
            p: backOf!,
            stage: PROSPECT_STAGES[PROSPECT_STAGES.indexOf(backOf!.stage) - 1]!,
            reason,
          })
        }
      />
      <ActivateModal
        prospect={activate}
        onClose={() => setActivate(null)}
        onOk={(id) => move.mutateAsync({ p: activate!, stage: 'active', linkedOutletId: id })}
      />
    </Flex>
  );
}

function Gauge(props: {
  testId: string;
  title: string;
  hint: string;
  ratio: number | null;
  target: number;
  detail: string;
}) {
  const { t } = useTranslation();
  const ok = props.ratio !== null && props.ratio >= props.target;
  return (
    <Card size="small" title={props.title} data-testid={props.testId} style={{ height: '100%' }}>
      <Flex align="center" gap={24}>
        <Progress
          type="dashboard"
          percent={props.ratio === null ? 0 : Math.round(props.ratio * 1000) / 10}
          status={props.ratio === null ? 'normal' : ok ? 'success' : 'exception'}
          format={() => pct(props.ratio)}
        />
        <Flex vertical gap={4}>
          <Typography.Text strong data-testid={`${props.testId}-value`}>
            {pct(props.ratio)}
          </Typography.Text>
          <Tag color={ok ? 'green' : 'red'}>{t('network.coverage.target', { value: pct(props.target) })}</Tag>
          <Typography.Text type="secondary">{props.detail}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {props.hint}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

function ProspectDrawer({
  state,
  onClose,
}: {
  state: { prospect: Prospect | null; regionCode?: string; category?: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  const categories = useCategories();
  const [form] = Form.useForm<{
    region: string[];
    name: string;
    contactName?: string;
    contactPhone?: string;
    categories: string[];
    notes?: string;
  }>();
  const [error, setError] = useState<unknown>(null);
  const p = state?.prospect ?? null;
  const save = useNetworkMutation((body: Record<string, unknown>) =>
    p ? networkApi.updateProspect(p.id, { ...body, version: p.version }) : networkApi.createProspect(body),
  );
  useEffect(() => {
    if (!state) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      p
        ? {
            ...p,
            region: regionPath(p.regionCode),
            contactName: p.contactName ?? '',
            contactPhone: p.contactPhone ?? '',
            notes: p.notes ?? '',
          }
        : {
            region: state.regionCode ? regionPath(state.regionCode) : [],
            categories: state.category ? [state.category] : [],
          },
    );
  }, [state, p, form]);
  return (
    <Drawer
      open={!!state}
      onClose={onClose}
      title={p ? t('network.coverage.editProspect') : t('network.coverage.newProspect')}
      size="default"
      destroyOnHidden
      extra={
        <Button
          type="primary"
          onClick={() => form.submit()}
          loading={save.isPending}
          data-testid="prospect-save"
        >
          {t('network.common.save')}
        </Button>
      }
    >
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        data-testid="prospect-form"
        onFinish={async (v) => {
          setError(null);
          try {
            await save.mutateAsync({
              regionCode: v.region[v.region.length - 1],
              name: v.name,
              contactName: v.contactName || null,
              contactPhone: v.contactPhone || null,
              categories: v.categories ?? [],
              notes: v.notes || null,
            });
            onClose();
          } catch (e) {
            const { unmatched } = applyFieldErrors(form, e, { regionCode: 'region' });
            if (unmatched || !(e as { errors?: unknown[] }).errors?.length) setError(e);
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('network.coverage.prospectName')}
          rules={[{ required: true, message: t('network.common.required') }]}
        >
          <Input autoFocus data-testid="prospect-name" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('network.coverage.prospectRegion')}
          rules={[{ required: true, message: t('network.common.required') }]}
        >
          <Cascader options={regions.data} changeOnSelect showSearch data-testid="prospect-region" />
        </Form.Item>
        <Form.Item name="categories" label={t('network.coverage.category')}>
          <Select
            mode="multiple"
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('network.outlets.contactName')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('network.outlets.contactPhone')}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('network.coverage.notes')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function ActivateModal({
  prospect,
  onClose,
  onOk,
}: {
  prospect: Prospect | null;
  onClose: () => void;
  onOk: (outletId: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const outlets = useOutlets({ region: prospect?.regionCode.slice(0, 4) });
  const [value, setValue] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setValue(undefined);
    setError(null);
  }, [prospect]);
  return (
    <Modal
      open={!!prospect}
      title={t('network.coverage.activateTitle')}
      onCancel={onClose}
      okButtonProps={{ disabled: !value }}
      onOk={async () => {
        try {
          await onOk(value!);
          onClose();
        } catch (e) {
          setError(e);
        }
      }}
    >
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">
        {t('network.coverage.linkedOutletRequired')}
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        value={value}
        onChange={setValue}
        placeholder={t('network.coverage.linkedOutlet')}
        options={(outlets.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))}
      />
    </Modal>
  );
}
