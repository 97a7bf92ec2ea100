import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DEDUCTION_CATEGORIES, type EvaluationDetail, type SchemeItem } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
import { useEvaluation, useEvaluationActions } from '../api.ts';
import { EvidenceDrawer } from '../components/EvidenceDrawer.tsx';
import { GradeTag, pts } from '../components/grade.tsx';

type Actions = ReturnType<typeof useEvaluationActions>;
interface Row {
  item: SchemeItem;
  indicator: string;
  section: string;
}

function NaModal({ code, actions, onClose }: { code: string | null; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ naReason: string }>();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { naReason: string }) => {
    setError(null);
    try {
      await actions.putItem.mutateAsync({ code: code!, body: { applicable: false, naReason: v.naReason } });
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open={!!code}
      title={t('evaluation.detail.naTitle', { code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={actions.putItem.isPending}
      okButtonProps={{ 'data-testid': 'na-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="naReason"
          label={t('evaluation.detail.naReason')}
          rules={[{ required: true, whitespace: true, message: t('evaluation.detail.naReasonRequired') }]}
        >
          <Input autoFocus maxLength={500} data-testid="na-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AdjustmentModal({
  kind,
  actions,
  onClose,
}: {
  kind: 'deduction' | 'bonus' | null;
  actions: Actions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { category?: string; description: string; correctiveAction?: string }) => {
    setError(null);
    try {
      await actions.addAdjustment.mutateAsync(
        kind === 'bonus'
          ? { kind: 'bonus', description: v.description }
          : {
              kind: 'deduction',
              category: v.category as (typeof DEDUCTION_CATEGORIES)[number],
              description: v.description,
              correctiveAction: v.correctiveAction ?? '',
            },
      );
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open={!!kind}
      title={kind === 'bonus' ? t('evaluation.detail.addBonus') : t('evaluation.detail.addDeduction')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={actions.addAdjustment.isPending}
      okButtonProps={{ 'data-testid': 'adjustment-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: 'own_rules' }}>
        {kind === 'deduction' && (
          <Form.Item name="category" label={t('evaluation.detail.category')} rules={[{ required: true }]}>
            <Select
              data-testid="adjustment-category"
              options={DEDUCTION_CATEGORIES.map((c) => ({
                value: c,
                label: t(`evaluation.categories.${c}`),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('evaluation.detail.description')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} autoFocus maxLength={1000} data-testid="adjustment-description" />
        </Form.Item>
        {kind === 'deduction' && (
          <Form.Item
            name="correctiveAction"
            label={t('evaluation.detail.correctiveAction')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="adjustment-corrective" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ScoreCard({ d }: { d: EvaluationDetail }) {
  const { t } = useTranslation();
  const r = d.result;
  return (
    <Card size="small" data-testid="evaluation-score-card">
      <Flex justify="space-between" align="center">
        <Statistic
          title={t('evaluation.detail.score')}
          value={r.score}
          precision={2}
          styles={{ content: { fontSize: 36 } }}
        />
        <span data-testid="evaluation-score" data-score={r.score} hidden />
        <GradeTag grade={r.grade} testId="evaluation-grade" />
      </Flex>
      {r.failedByDeductions && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={t('evaluation.detail.failedByDeductions', {
            count: d.scheme.definition.rules.failIfSpecialDeductionsAtLeast,
          })}
        />
      )}
      {r.starCapped && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="evaluation-star-capped"
          message={t('evaluation.detail.bandCapped', { band: t(`evaluation.grades.${r.bandGrade}`) })}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'normalized', label: t('evaluation.detail.normalized'), children: r.normalized.toFixed(2) },
          {
            key: 'achieved',
            label: t('evaluation.detail.achieved'),
            children: `${pts(r.achievedPoints)} / ${pts(r.applicablePoints)}`,
          },
          {
            key: 'adjustments',
            label: t('evaluation.detail.adjustments'),
            children: `−${r.deductions} / +${r.bonuses}`,
          },
        ]}
      />
      {r.unassessed > 0 && (
        <Tag color="orange">{t('evaluation.detail.unassessed', { count: r.unassessed })}</Tag>
      )}
    </Card>
  );
}

/** One GB/T 27922 evaluation: checklist with evidence, 删减, special deductions/bonus, live score and grade. */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useSession();
  const q = useEvaluation(id);
  const actions = useEvaluationActions(id ?? '');
  const [evidenceFor, setEvidenceFor] = useState<SchemeItem | null>(null);
  const [naFor, setNaFor] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<'deduction' | 'bonus' | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const d = q.data;
  const rows = useMemo<Row[]>(
    () =>
      d?.scheme.definition.sections.flatMap((s) =>
        s.indicators.flatMap((ind) =>
          ind.items.map((item) => ({ item, indicator: `${ind.code} ${ind.name}`, section: s.code })),
        ),
      ) ?? [],
    [d],
  );
  if (!d) return <ProblemAlert error={q.error} />;
  const readOnly = d.evaluation.status === 'final' || !me.permissions.includes('evaluation:manage');
  const applicability = new Map(d.items.map((i) => [i.code, i]));
  const scores = new Map(d.result.items.map((i) => [i.code, i]));
  const evidenceCount = (code: string) => d.evidence.filter((e) => e.itemCode === code).length;
  const mutationError =
    actions.putItem.error ??
    actions.removeEvidence.error ??
    actions.removeAdjustment.error ??
    actions.setOutstanding.error ??
    actions.finalize.error;
  const bonuses = d.adjustments.filter((a) => a.kind === 'bonus').length;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={`${d.evaluation.subject} · ${d.evaluation.period}`}
        description={
          <Space wrap>
            <span>{d.evaluation.assessedOn}</span>
            <Tag>{t('evaluation.detail.schemeVersion', { version: d.evaluation.schemeVersion })}</Tag>
            {!d.scheme.current && <Tag color="orange">{t('evaluation.detail.schemeOutdated')}</Tag>}
            <Tag
              color={d.evaluation.status === 'final' ? 'green' : 'processing'}
              data-testid="evaluation-status"
            >
              {t(`evaluation.status.${d.evaluation.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <>
            <Link to="/reports?tab=evaluations">
              <Button icon={<ArrowLeftOutlined />}>{t('evaluation.detail.back')}</Button>
            </Link>
            {!readOnly && (
              <Popconfirm
                title={t('evaluation.detail.finalizeConfirm')}
                onConfirm={() => actions.finalize.mutate()}
              >
                <Button type="primary" loading={actions.finalize.isPending} data-testid="evaluation-finalize">
                  {t('evaluation.detail.finalize')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {d.evaluation.status === 'final' && (
        <Alert type="success" showIcon message={t('evaluation.detail.final')} />
      )}
      <ProblemAlert error={mutationError} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {d.scheme.definition.sections.map((s) => {
              const sec = d.result.sections.find((x) => x.code === s.code);
              return (
                <Card
                  key={s.code}
                  size="small"
                  data-testid={`evaluation-section-${s.code}`}
                  title={`${s.code} ${s.name}`}
                  extra={
                    sec && (
                      <Typography.Text>
                        {pts(sec.achieved)} / {pts(sec.applicable)} ({pts(s.points)})
                      </Typography.Text>
                    )
                  }
                  styles={{ body: { padding: 0 } }}
                >
                  <Table<Row>
                    size="small"
                    rowKey={(r) => r.item.code}
                    pagination={false}
                    dataSource={rows.filter((r) => r.section === s.code)}
                    onRow={(r) =>
                      ({
                        'data-testid': `evaluation-item-${r.item.code}`,
                      }) as React.HTMLAttributes<HTMLElement>
                    }
                    columns={[
                      { title: t('evaluation.detail.item'), width: 80, render: (_, r) => r.item.code },
                      {
                        title: t('evaluation.scheme.item'),
                        render: (_, r) => (
                          <Flex vertical>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {r.indicator}
                            </Typography.Text>
                            <Typography.Text>{r.item.name}</Typography.Text>
                            {applicability.get(r.item.code)?.naReason && (
                              <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
                                {applicability.get(r.item.code)!.naReason}
                              </Typography.Text>
                            )}
                          </Flex>
                        ),
                      },
                      {
                        title: t('evaluation.detail.mode'),
                        width: 110,
                        render: (_, r) => <Tag>{t(`evaluation.modes.${r.item.mode}`)}</Tag>,
                      },
                      {
                        title: t('evaluation.detail.applicableCol'),
                        width: 70,
                        render: (_, r) => {
                          const applicable = applicability.get(r.item.code)?.applicable ?? true;
                          return (
                            <Switch
                              size="small"
                              checked={applicable}
                              disabled={readOnly}
                              data-testid={`evaluation-applicable-${r.item.code}`}
                              onChange={(on) =>
                                on
                                  ? actions.putItem.mutate({ code: r.item.code, body: { applicable: true } })
                                  : setNaFor(r.item.code)
                              }
                            />
                          );
                        },
                      },
                      {
                        title: t('evaluation.detail.achievedCol'),
                        width: 110,
                        align: 'right',
                        render: (_, r) => {
                          const sc = scores.get(r.item.code);
                          if (!sc?.applicable) return <Typography.Text type="secondary">—</Typography.Text>;
                          return (
                            <Typography.Text
                              data-testid={`evaluation-achieved-${r.item.code}`}
                              type={!sc.assessed ? 'warning' : sc.achieved < sc.points ? 'danger' : undefined}
                            >
                              {sc.assessed ? pts(sc.achieved) : '?'} / {pts(r.item.points)}
                            </Typography.Text>
                          );
                        },
                      },
                      {
                        title: t('evaluation.detail.evidenceCol'),
                        width: 120,
                        render: (_, r) => (
                          <Button
                            size="small"
                            onClick={() => setEvidenceFor(r.item)}
                            data-testid={`evaluation-evidence-${r.item.code}`}
                          >
                            {readOnly
                              ? evidenceCount(r.item.code)
                              : `${t('evaluation.detail.addEvidence')} (${evidenceCount(r.item.code)})`}
                          </Button>
                        ),
                      },
                    ]}
                  />
                </Card>
              );
            })}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            <ScoreCard d={d} />
            <Card
              size="small"
              title={t('evaluation.detail.adjustments')}
              data-testid="evaluation-adjustments"
              extra={
                !readOnly && (
                  <Space>
                    <Button
                      size="small"
                      danger
                      icon={<MinusOutlined />}
                      onClick={() => setAdjusting('deduction')}
                      data-testid="evaluation-add-deduction"
                    >
                      {t('evaluation.detail.deduction')}
                    </Button>
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      disabled={bonuses >= d.scheme.definition.rules.maxBonusItems}
                      title={t('evaluation.detail.bonusLimit')}
                      onClick={() => setAdjusting('bonus')}
                      data-testid="evaluation-add-bonus"
                    >
                      {t('evaluation.detail.bonus')}
                    </Button>
                  </Space>
                )
              }
            >
              <List
                size="small"
                dataSource={d.adjustments}
                locale={{ emptyText: t('evaluation.detail.noAdjustments') }}
                renderItem={(a) => (
                  <List.Item
                    data-testid={`adjustment-${a.id}`}
                    actions={
                      readOnly
                        ? []
                        : [
                            <Button
                              key="rm"
                              size="small"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('evaluation.detail.remove')}
                              onClick={() => actions.removeAdjustment.mutate(a.id)}
                            />,
                          ]
                    }
                  >
                    <Flex vertical>
                      <Space wrap>
                        <Tag color={a.kind === 'bonus' ? 'green' : 'red'}>
                          {a.kind === 'bonus' ? '+' : '−'}
                          {a.kind === 'bonus'
                            ? d.scheme.definition.rules.bonusPoints
                            : d.scheme.definition.rules.specialDeductionPoints}
                        </Tag>
                        {a.category && <Tag>{t(`evaluation.categories.${a.category}`)}</Tag>}
                      </Space>
                      <Typography.Text>{a.description}</Typography.Text>
                      {a.correctiveAction && (
                        <Typography.Text type="secondary">
                          {t('evaluation.detail.correctiveAction')}: {a.correctiveAction}
                        </Typography.Text>
                      )}
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('evaluation.detail.history')} data-testid="evaluation-history">
              <Flex vertical gap={8}>
                <Typography.Text data-testid="evaluation-first-pass">
                  {d.history.firstPassOn
                    ? t('evaluation.detail.firstPassOn', { date: d.history.firstPassOn })
                    : t('evaluation.detail.neverPassed')}
                </Typography.Text>
                {d.history.starEligibleOn && (
                  <Typography.Text type="secondary">
                    {t('evaluation.detail.starEligibleOn', { date: d.history.starEligibleOn })}
                  </Typography.Text>
                )}
                <Space wrap>
                  <Switch
                    checked={d.evaluation.outstanding}
                    disabled={readOnly}
                    data-testid="evaluation-outstanding"
                    onChange={(on) =>
                      on
                        ? setReason(d.evaluation.outstandingReason ?? '')
                        : actions.setOutstanding.mutate({ outstanding: false })
                    }
                  />
                  <Typography.Text>{t('evaluation.detail.outstanding')}</Typography.Text>
                </Space>
                {d.evaluation.outstandingReason && (
                  <Typography.Text type="secondary">{d.evaluation.outstandingReason}</Typography.Text>
                )}
                {reason !== null && (
                  <Space.Compact style={{ width: '100%' }}>
                    <Input
                      autoFocus
                      value={reason}
                      placeholder={t('evaluation.detail.outstandingReasonRequired')}
                      onChange={(e) => setReason(e.target.value)}
                      data-testid="evaluation-outstanding-reason"
                      onPressEnter={() =>
                        actions.setOutstanding.mutate(
                          { outstanding: true, reason },
                          { onSuccess: () => setReason(null) },
                        )
                      }
                    />
                    <Button
                      type="primary"
                      disabled={!reason.trim()}
                      data-testid="evaluation-outstanding-save"
                      onClick={() =>
                        actions.setOutstanding.mutate(
                          { outstanding: true, reason },
                          { onSuccess: () => setReason(null) },
                        )
                      }
                    >
                      {t('evaluation.detail.save')}
                    </Button>
                    <Button onClick={() => setReason(null)}>{t('evaluation.detail.cancel')}</Button>
                  </Space.Compact>
                )}
                {d.history.evaluations.length > 0 && (
                  <List
                    size="small"
                    dataSource={d.history.evaluations}
                    renderItem={(e) => (
                      <List.Item>
                        <Link to={`/reports/evaluations/${e.id}`}>{e.assessedOn}</Link>
                        <Space>
                          {e.score?.toFixed(2)}
                          <GradeTag grade={e.grade} />
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
      <EvidenceDrawer
        // A fresh form per item (its defaults depend on the item's mode).
        key={evidenceFor?.code ?? 'none'}
        item={evidenceFor}
        evidence={d.evidence}
        readOnly={readOnly}
        actions={actions}
        onClose={() => setEvidenceFor(null)}
      />
      <NaModal code={naFor} actions={actions} onClose={() => setNaFor(null)} />
      <AdjustmentModal kind={adjusting} actions={actions} onClose={() => setAdjusting(null)} />
    </Flex>
  );
}
