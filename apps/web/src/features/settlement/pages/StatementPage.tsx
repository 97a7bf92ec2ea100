import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Spin,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  DownloadOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  InfoCircleOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { StatementDetail, StatementLine, StatementStatus } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import {
  downloadStatement,
  toFen,
  useAdjust,
  useRespond,
  useStatement,
  useStatementTransition,
  yuan,
} from '../api.ts';
import { AppealDialog } from '../components/AppealDialog.tsx';
import { RuleText } from '../components/RuleText.tsx';
import { StatusTag } from '../components/StatusTag.tsx';

const KIND_COLOR: Record<string, string> = {
  fee: 'blue',
  deduction: 'red',
  bonus: 'green',
  adjustment: 'gold',
  reversal: 'cyan',
  credit: 'cyan',
};

/** One statement: totals, lines with their rules, the outlet's answer and finance's steps. */
export default function StatementPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const q = useStatement(id);
  const [disputes, setDisputes] = useState<Record<string, string>>({});
  const [adjusting, setAdjusting] = useState<StatementLine | null>(null);
  const [appealing, setAppealing] = useState<StatementLine | null>(null);
  const [step, setStep] = useState<'approve' | 'pay' | 'reopen' | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  if (q.isLoading) return <Spin />;
  if (q.error || !q.data)
    return (
      <Result
        status="404"
        title={t('settlement.detail.notFound')}
        extra={<Link to="/settlement">{t('settlement.detail.back')}</Link>}
      />
    );
  const s = q.data;
  const canDispute = s.allowed.includes('disputed');
  const canAppeal = me.permissions.includes('appeal:create');
  const chosen = s.lines.filter((l) => l.id in disputes);

  const toggle = (l: StatementLine) =>
    setDisputes((d) => {
      const next = { ...d };
      if (l.id in next) delete next[l.id];
      else next[l.id] = '';
      return next;
    });

  const columns = [
    { title: t('settlement.detail.seq'), dataIndex: 'seq', width: 56 },
    {
      title: t('settlement.detail.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: StatementLine['kind']) => <Tag color={KIND_COLOR[k]}>{t(`settlement.kind.${k}`)}</Tag>,
    },
    {
      title: t('settlement.detail.order'),
      dataIndex: 'orderNumber',
      render: (n: string | null, l: StatementLine) =>
        n && l.orderId ? <Link to={`/workorders/${l.orderId}`}>{n}</Link> : '—',
    },
    {
      title: t('settlement.detail.item'),
      key: 'item',
      render: (_: unknown, l: StatementLine) => (
        <Flex gap={6} align="center">
          <span>
            {l.classification
              ? t(`settlement.classes.${l.classification as 'satisfied'}`)
              : l.kind === 'fee'
                ? t(`settlement.orderTypes.${((l.rule.orderType as string) ?? 'repair') as 'repair'}`)
                : l.description}
          </span>
          <Tooltip title={<RuleText line={l} />}>
            <InfoCircleOutlined data-testid={`stl-rule-${l.seq}`} style={{ color: '#8c8c8c' }} />
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('settlement.detail.amount'),
      dataIndex: 'amountFen',
      align: 'right' as const,
      render: (v: number) => (
        <Typography.Text type={v < 0 ? 'danger' : undefined} data-testid="stl-line-amount">
          {yuan(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('settlement.detail.note'),
      key: 'note',
      render: (_: unknown, l: StatementLine) => (
        <Flex vertical>
          {l.disputeComment && (
            <Typography.Text type={l.disputed ? 'danger' : 'secondary'}>
              {l.disputed && <ExclamationCircleOutlined />} {l.disputeComment}
            </Typography.Text>
          )}
          {l.reason && <Typography.Text type="secondary">{l.reason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'actions',
      align: 'right' as const,
      render: (_: unknown, l: StatementLine) => (
        <Flex gap={4} justify="flex-end">
          {canDispute && l.kind !== 'adjustment' && l.kind !== 'reversal' && (
            <Button
              size="small"
              danger={!(l.id in disputes)}
              onClick={() => toggle(l)}
              data-testid={`stl-dispute-${l.seq}`}
            >
              {l.id in disputes ? t('settlement.detail.undispute') : t('settlement.detail.dispute')}
            </Button>
          )}
          {s.canAdjust && ['fee', 'deduction', 'bonus', 'credit'].includes(l.kind) && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setAdjusting(l)}
              data-testid={`stl-adjust-${l.seq}`}
            >
              {t('settlement.detail.adjust')}
            </Button>
          )}
          {canAppeal && l.kind === 'deduction' && l.orderId && (
            <Button size="small" onClick={() => setAppealing(l)} data-testid={`stl-appeal-${l.seq}`}>
              {t('settlement.detail.appeal')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            <Link to={`/settlement?month=${s.month}`} aria-label={t('settlement.detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="stl-number">{s.number}</span>
            <StatusTag status={s.status} />
          </Flex>
        }
        description={`${s.outlet.code} ${s.outlet.name} · ${s.month}`}
        extra={<Actions s={s} onStep={setStep} onExportError={setExportError} />}
      />
      {exportError ? <ProblemAlert error={exportError} /> : null}
      {s.disputedCount > 0 && s.canAdjust && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('settlement.detail.openDisputes', { count: s.disputedCount })}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 2, md: 4 }}>
          <Descriptions.Item label={t('settlement.detail.total')}>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="stl-total">
              {yuan(s.totalFen)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settlement.detail.fee')}>{yuan(s.feeFen)}</Descriptions.Item>
          <Descriptions.Item label={t('settlement.detail.deductions')}>
            {yuan(s.deductionFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('settlement.detail.bonus')}>{yuan(s.bonusFen)}</Descriptions.Item>
          <Descriptions.Item label={t('settlement.detail.adjustments')}>
            {yuan(s.adjustmentFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('settlement.detail.orders')}>{s.orderCount}</Descriptions.Item>
          <Descriptions.Item label={t('settlement.detail.grade')}>
            {s.grade} · {t('settlement.detail.coefficient')} {s.coefficient}
          </Descriptions.Item>
          {s.paymentReference && (
            <Descriptions.Item label={t('settlement.detail.payment')}>{s.paymentReference}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {chosen.length > 0 && (
        <DisputePanel
          s={s}
          lines={chosen}
          comments={disputes}
          onChange={(lineId, c) => setDisputes((d) => ({ ...d, [lineId]: c }))}
          onDone={() => setDisputes({})}
        />
      )}
      <Table<StatementLine>
        rowKey="id"
        size="small"
        dataSource={s.lines}
        pagination={false}
        columns={columns}
        onRow={(l) =>
          ({
            'data-testid': `stl-line-${l.seq}`,
            'data-order': l.orderNumber ?? '',
            'data-kind': l.kind,
            style: l.disputed ? { background: 'rgba(255,77,79,0.06)' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Card size="small" title={t('settlement.detail.history')} style={{ marginTop: 12 }}>
        <Timeline
          items={s.history.map((e) => ({
            children: (
              <Flex vertical>
                <Typography.Text>
                  {bj(e.at).format('YYYY-MM-DD HH:mm')} ·{' '}
                  {t(`settlement.events.${e.type.replace(/^settlement\./, '') as 'statement_generated'}`, {
                    defaultValue: e.type,
                  })}
                  {e.to && e.from !== e.to ? ` → ${t(`settlement.status.${e.to as StatementStatus}`)}` : ''}
                </Typography.Text>
                {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      </Card>
      {adjusting && <AdjustDialog s={s} line={adjusting} onClose={() => setAdjusting(null)} />}
      {appealing && <AppealDialog line={appealing} onClose={() => setAppealing(null)} />}
      {step && <StepDialog s={s} step={step} onClose={() => setStep(null)} />}
    </>
  );
}

function Actions({
  s,
  onStep,
  onExportError,
}: {
  s: StatementDetail;
  onStep: (x: 'approve' | 'pay' | 'reopen') => void;
  onExportError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const respond = useRespond();
  const move = useStatementTransition();
  const go = (to: StatementStatus, ok: string) =>
    move.mutate({ id: s.id, body: { to, version: s.version } }, { onSuccess: () => message.success(ok) });
  return (
    <>
      {respond.error || move.error ? <ProblemAlert error={respond.error ?? move.error} /> : null}
      {s.allowed.includes('confirmed') && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={respond.isPending}
          data-testid="stl-confirm"
          onClick={() =>
            respond.mutate(
              { id: s.id, body: { action: 'confirm', version: s.version } },
              { onSuccess: () => message.success(t('settlement.detail.confirmed')) },
            )
          }
        >
          {t('settlement.detail.confirm')}
        </Button>
      )}
      {s.status === 'disputed' && s.allowed.includes('draft') && (
        <Button
          icon={<RollbackOutlined />}
          data-testid="stl-return"
          onClick={() => go('draft', t('settlement.detail.returnToDraft'))}
        >
          {t('settlement.detail.returnToDraft')}
        </Button>
      )}
      {s.status === 'confirmed' && s.allowed.includes('draft') && (
        <Button icon={<RollbackOutlined />} data-testid="stl-reopen" onClick={() => onStep('reopen')}>
          {t('settlement.detail.reopen')}
        </Button>
      )}
      {s.allowed.includes('approved') && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          data-testid="stl-approve"
          loading={move.isPending}
          onClick={() =>
            s.disputedCount > 0 ? onStep('approve') : go('approved', t('settlement.detail.approved'))
          }
        >
          {t('settlement.detail.approve')}
        </Button>
      )}
      {s.allowed.includes('paid') && (
        <Button type="primary" data-testid="stl-pay" onClick={() => onStep('pay')}>
          {t('settlement.detail.pay')}
        </Button>
      )}
      <Button
        icon={<DownloadOutlined />}
        data-testid="stl-export"
        onClick={() => downloadStatement(s.id, s.number).catch(onExportError)}
      >
        {t('settlement.detail.export')}
      </Button>
    </>
  );
}

function DisputePanel({
  s,
  lines,
  comments,
  onChange,
  onDone,
}: {
  s: StatementDetail;
  lines: StatementLine[];
  comments: Record<string, string>;
  onChange: (lineId: string, comment: string) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const respond = useRespond();
  const ready = lines.every((l) => (comments[l.id] ?? '').trim().length > 0);
  const submit = () =>
    respond.mutate(
      {
        id: s.id,
        body: {
          action: 'dispute',
          version: s.version,
          lines: lines.map((l) => ({ lineId: l.id, comment: comments[l.id]!.trim() })),
        },
      },
      { onSuccess: () => (message.success(t('settlement.detail.disputed')), onDone()) },
    );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: '#ffa39e' }}
      title={t('settlement.detail.disputeTitle', { count: lines.length })}
      extra={
        <Button
          type="primary"
          danger
          disabled={!ready}
          loading={respond.isPending}
          onClick={submit}
          data-testid="stl-dispute-submit"
        >
          {t('settlement.detail.disputeSubmit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('settlement.detail.disputeHint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {lines.map((l, i) => (
          <Flex key={l.id} gap={8} align="center">
            <Typography.Text style={{ minWidth: 200 }}>
              #{l.seq} {l.orderNumber ?? ''} · {yuan(l.amountFen)}
            </Typography.Text>
            <Input
              autoFocus={i === lines.length - 1}
              placeholder={t('settlement.detail.disputeComment')}
              value={comments[l.id]}
              maxLength={2000}
              onChange={(e) => onChange(l.id, e.target.value)}
              onPressEnter={() => ready && submit()}
              data-testid={`stl-dispute-comment-${l.seq}`}
            />
          </Flex>
        ))}
      </Flex>
      {respond.error ? <ProblemAlert error={respond.error} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}

function AdjustDialog({
  s,
  line,
  onClose,
}: {
  s: StatementDetail;
  line: StatementLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adjust = useAdjust();
  const effective =
    line.amountFen +
    s.lines
      .filter((l) => l.targetKey === line.lineKey && (l.kind === 'adjustment' || l.kind === 'reversal'))
      .reduce((n, l) => n + l.amountFen, 0);
  const [form] = Form.useForm<{ amount: number; reason: string }>();
  const ok = async () => {
    const v = await form.validateFields();
    adjust.mutate(
      {
        id: s.id,
        body: { version: s.version, lineId: line.id, newAmountFen: toFen(v.amount), reason: v.reason },
      },
      {
        onSuccess: () => (message.success(t('settlement.detail.adjusted')), onClose()),
        onError: (e) => applyFieldErrors(form, e, { newAmountFen: 'amount' }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('settlement.detail.adjustTitle', { seq: line.seq })}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={adjust.isPending}
      okButtonProps={{ 'data-testid': 'stl-adjust-submit' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">
        {t('settlement.detail.adjustCurrent', { amount: yuan(effective) })}
        {line.disputeComment ? ` · ${line.disputeComment}` : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ amount: effective / 100 }}>
        <Form.Item name="amount" label={t('settlement.detail.adjustAmount')} rules={[{ required: true }]}>
          <InputNumber
            precision={2}
            step={1}
            style={{ width: '100%' }}
            autoFocus
            data-testid="stl-adjust-amount"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('settlement.detail.adjustReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="stl-adjust-reason" />
        </Form.Item>
      </Form>
      {adjust.error ? <ProblemAlert error={adjust.error} /> : null}
    </Modal>
  );
}

function StepDialog({
  s,
  step,
  onClose,
}: {
  s: StatementDetail;
  step: 'approve' | 'pay' | 'reopen';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useStatementTransition();
  const [form] = Form.useForm<{ text: string }>();
  const to: StatementStatus = step === 'approve' ? 'approved' : step === 'pay' ? 'paid' : 'draft';
  const ok = async () => {
    const { text } = await form.validateFields();
    move.mutate(
      {
        id: s.id,
        body:
          step === 'pay'
            ? { to, version: s.version, paymentReference: text }
            : { to, version: s.version, reason: text },
      },
      {
        onSuccess: () => (
          message.success(
            t(
              step === 'pay'
                ? 'settlement.detail.paid'
                : step === 'approve'
                  ? 'settlement.detail.approved'
                  : 'settlement.detail.reopen',
            ),
          ),
          onClose()
        ),
        onError: (e) => applyFieldErrors(form, e, { paymentReference: 'text', reason: 'text' }),
      },
    );
  };
  const label =
    step === 'pay'
      ? t('settlement.detail.payReference')
      : step === 'approve'
        ? t('settlement.detail.approveReason')
        : t('settlement.detail.reopenReason');
  return (
    <Modal
      open
      title={
        step === 'pay'
          ? t('settlement.detail.payTitle')
          : step === 'approve'
            ? t('settlement.detail.approveTitle')
            : t('settlement.detail.reopen')
      }
      onCancel={onClose}
      onOk={ok}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': `stl-${step}-submit` } as ButtonProps}
    >
      {step === 'approve' && (
        <Typography.Paragraph>
          {t('settlement.detail.approveOpenDisputes', { count: s.disputedCount })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus maxLength={step === 'pay' ? 100 : 2000} data-testid={`stl-${step}-text`} />
        </Form.Item>
      </Form>
      {move.error ? <ProblemAlert error={move.error} /> : null}
    </Modal>
  );
}
