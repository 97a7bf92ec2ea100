import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  Radio,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ClosingVerdict, ComplaintDetail, ComplaintTransition } from '@anxin/contracts';
import { CLOSING_VERDICTS } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useComplaint, useTransitionComplaint } from '../api.ts';
import { CapaTable } from './CapaTable.tsx';
import { InvestigationForm } from './InvestigationForm.tsx';
import { SeverityTag, StatusTag } from './Tags.tsx';

const fmt = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');

/** One complaint: facts and due times, the step its status allows, CAPA and the history. */
export function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('complaint:manage');
  const detail = useComplaint(id);
  const d = detail.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        d ? (
          <Flex gap={8} align="center" wrap>
            <span data-testid="cp-number">
              {t('complaints.detail.title', { number: d.complaint.number })}
            </span>
            <StatusTag status={d.complaint.status} testId="cp-status" />
            <SeverityTag severity={d.complaint.severity} />
          </Flex>
        ) : undefined
      }
    >
      <div data-testid="cp-detail">
        {detail.error && <ProblemAlert error={detail.error} />}
        {!d ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <Flex vertical gap={16}>
            {!canManage && <Alert type="info" showIcon title={t('complaints.detail.readOnly')} />}
            <Facts d={d} />
            {(d.complaint.status === 'investigating' || d.complaint.responsibility) && (
              <Card size="small" title={t('complaints.detail.investigation')}>
                <InvestigationForm d={d} editable={canManage && d.complaint.status === 'investigating'} />
              </Card>
            )}
            {d.complaint.status !== 'registered' && d.complaint.status !== 'acknowledged' && (
              <Card size="small" title={t('complaints.detail.capa')}>
                <CapaTable
                  d={d}
                  editable={canManage && ['investigating', 'resolved'].includes(d.complaint.status)}
                />
              </Card>
            )}
            {/* The next step comes after the investigation and CAPA it depends on. */}
            {canManage && <Steps d={d} />}
            <History d={d} />
          </Flex>
        )}
      </div>
    </Drawer>
  );
}

function Facts({ d }: { d: ComplaintDetail }) {
  const { t } = useTranslation();
  const c = d.complaint;
  const none = t('complaints.detail.none');
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {c.summary}
      </Typography.Title>
      <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('complaints.detail.order')}>
          {c.order ? <Link to={`/workorders/${c.order.id}`}>{c.order.number}</Link> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.customer')}>
          {c.customer?.name ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.outlet')}>{c.outlet?.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.technician')}>
          {c.technician?.name ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.openedAt')}>
          {fmt(c.openedAt)} · {t(`complaints.sources.${c.source}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.acknowledgeDue')}>
          <Typography.Text type={c.acknowledgeOverdue ? 'danger' : undefined}>
            {fmt(c.acknowledgeDueAt)}
            {c.acknowledgedAt && ` → ${fmt(c.acknowledgedAt)}`}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.resolveDue')}>
          <Typography.Text type={c.resolveOverdue ? 'danger' : undefined} data-testid="cp-resolve-due">
            {fmt(c.resolveDueAt)}
            {c.resolvedAt && ` → ${fmt(c.resolvedAt)}`}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.detail.reopenCount')}>{c.reopenCount}</Descriptions.Item>
        {c.description && (
          <Descriptions.Item label={t('complaints.detail.description')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
        {c.remedy && (
          <Descriptions.Item label={t('complaints.detail.remedyShown')} span={2}>
            {c.remedy}
          </Descriptions.Item>
        )}
        {c.verdict && (
          <Descriptions.Item label={t('complaints.detail.closedAt')} span={2}>
            {fmt(c.closedAt)} ·{' '}
            {t('complaints.detail.verdictShown', { verdict: t(`complaints.verdicts.${c.verdict}`) })}
            {c.verdictNote && ` · ${c.verdictNote}`}
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}

/** The step(s) the status allows: acknowledge, start investigating, resolve, close, reopen. */
function Steps({ d }: { d: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useTransitionComplaint();
  const c = d.complaint;
  const [remedy, setRemedy] = useState('');
  const [verdict, setVerdict] = useState<ClosingVerdict>('satisfied');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    setRemedy(c.remedy ?? '');
    setNote('');
    setReason('');
    setVerdict('satisfied');
    move.reset();
  }, [c.id, c.status]);

  const go = (body: Omit<ComplaintTransition, 'version'>) =>
    move.mutate(
      { id: c.id, body: { ...body, version: c.version } },
      { onSuccess: () => void message.success(t('complaints.detail.moved')) },
    );
  const allowed = new Set(d.allowed);
  return (
    <Flex vertical gap={12}>
      {move.error && <ProblemAlert error={move.error} />}
      {c.status === 'registered' && allowed.has('acknowledged') && (
        <Button
          type="primary"
          loading={move.isPending}
          onClick={() => go({ to: 'acknowledged' })}
          data-testid="cp-acknowledge"
        >
          {t('complaints.detail.acknowledge')}
        </Button>
      )}
      {c.status === 'acknowledged' && allowed.has('investigating') && (
        <Button
          type="primary"
          loading={move.isPending}
          onClick={() => go({ to: 'investigating' })}
          data-testid="cp-start-investigation"
        >
          {t('complaints.detail.startInvestigation')}
        </Button>
      )}
      {c.status === 'investigating' && allowed.has('resolved') && (
        <Card size="small" title={t('complaints.detail.resolveTitle')}>
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={3}
              value={remedy}
              placeholder={t('complaints.detail.remedy')}
              onChange={(e) => setRemedy(e.target.value)}
              maxLength={4000}
              data-testid="cp-remedy"
            />
            <Button
              type="primary"
              loading={move.isPending}
              disabled={!remedy.trim()}
              onClick={() => go({ to: 'resolved', remedy: remedy.trim() })}
              data-testid="cp-resolve"
            >
              {t('complaints.detail.resolve')}
            </Button>
          </Flex>
        </Card>
      )}
      {c.status === 'resolved' && allowed.has('closed') && (
        <Card size="small" title={t('complaints.detail.closeTitle')}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('complaints.detail.verdict')}</Typography.Text>
            <Radio.Group
              value={verdict}
              onChange={(e) => setVerdict(e.target.value as ClosingVerdict)}
              optionType="button"
              data-testid="cp-verdict"
              options={CLOSING_VERDICTS.map((v) => ({
                value: v,
                label: <span data-testid={`cp-verdict-${v}`}>{t(`complaints.verdicts.${v}`)}</span>,
              }))}
            />
            <Input
              value={note}
              placeholder={t('complaints.detail.verdictNote')}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
              data-testid="cp-verdict-note"
            />
            <Button
              type="primary"
              loading={move.isPending}
              onClick={() => go({ to: 'closed', verdict, ...(note.trim() ? { note: note.trim() } : {}) })}
              data-testid="cp-close"
            >
              {t('complaints.detail.close')}
            </Button>
          </Flex>
        </Card>
      )}
      {(c.status === 'resolved' || c.status === 'closed') && allowed.has('investigating') && (
        <Card size="small" title={t('complaints.detail.reopenTitle')}>
          <Flex gap={8}>
            <Input
              value={reason}
              placeholder={t('complaints.detail.reopenReason')}
              onChange={(e) => setReason(e.target.value)}
              maxLength={1000}
              data-testid="cp-reopen-reason"
            />
            <Button
              danger
              loading={move.isPending}
              disabled={!reason.trim()}
              onClick={() => go({ to: 'investigating', reason: reason.trim() })}
              data-testid="cp-reopen"
            >
              {t('complaints.detail.reopen')}
            </Button>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function History({ d }: { d: ComplaintDetail }) {
  const { t } = useTranslation();
  // The one line worth reading from an event's data: remedy, verdict, routed department, action.
  const detailOf = (data: Record<string, unknown>): string | null => {
    const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : null);
    if (str('verdict')) return t(`complaints.verdicts.${str('verdict') as 'satisfied'}`);
    if (str('remedy')) return str('remedy');
    if (str('department')) return t(`complaints.departments.${str('department') as 'quality'}`);
    if (str('action') && str('owner')) return `${str('action')} · ${str('owner')} · ${str('dueOn') ?? ''}`;
    return str('note');
  };
  // CAPA events carry the action's states, the others the complaint's.
  const stateLabel = (type: string, s: string) =>
    type === 'complaint.capa_status_changed'
      ? t(`complaints.capaStatuses.${s as 'open'}`, { defaultValue: s })
      : t(`complaints.statuses.${s as 'registered'}`, { defaultValue: s });
  const entries = [...d.timeline].reverse();
  return (
    <Card size="small" title={t('complaints.detail.timeline')} data-testid="cp-timeline">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: e.id,
            content: (
              <div data-type={e.type}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>
                    {t(`complaints.events.${e.type as 'complaint.registered'}`, { defaultValue: e.type })}
                  </Typography.Text>
                  {e.from && e.to && (
                    <Typography.Text type="secondary">
                      {stateLabel(e.type, e.from)} → {stateLabel(e.type, e.to)}
                    </Typography.Text>
                  )}
                </Flex>
                {detailOf(e.data) && <div>{detailOf(e.data)}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmt(e.at)}
                  {e.reason && ` · ${e.reason}`}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
