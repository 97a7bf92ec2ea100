import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Spin,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { StatementDetail, StatementLine, StatementStatus } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
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
import { StatementLinesTable } from '../components/StatementLinesTable.tsx';
import { StatementHistory, StatementSummaryCard } from '../components/StatementSummaryCard.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { disputeReady, effectiveAmountFen } from '../statement/rules.ts';
import { useStatementView } from '../statement/useStatementView.ts';

/** One statement: totals, lines with their rules, the outlet's answer and finance's steps. */
export default function StatementPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const q = useStatement(id);
  const view = useStatementView(q.data);

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
        extra={<Actions s={s} onStep={view.setStep} onExportError={view.setExportError} />}
      />
      {view.exportError ? <ProblemAlert error={view.exportError} /> : null}
      {s.disputedCount > 0 && s.canAdjust && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('settlement.detail.openDisputes', { count: s.disputedCount })}
        />
      )}
      <StatementSummaryCard s={s} />
      {view.chosen.length > 0 && (
        <DisputePanel
          s={s}
          lines={view.chosen}
          comments={view.disputes}
          onChange={view.comment}
          onDone={view.clearDisputes}
        />
      )}
      <StatementLinesTable
        s={s}
        disputes={view.disputes}
        canAppeal={me.permissions.includes('appeal:create')}
        onToggleDispute={view.toggle}
        onAdjust={view.setAdjusting}
        onAppeal={view.setAppealing}
      />
      <StatementHistory history={s.history} />
      {view.adjusting && <AdjustDialog s={s} line={view.adjusting} onClose={() => view.setAdjusting(null)} />}
      {view.appealing && <AppealDialog line={view.appealing} onClose={() => view.setAppealing(null)} />}
      {view.step && <StepDialog s={s} step={view.step} onClose={() => view.setStep(null)} />}
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
  const ready = disputeReady(lines, comments);
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
  const effective = effectiveAmountFen(s.lines, line);
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
