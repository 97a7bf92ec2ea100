import { useState } from 'react';
import { Button, Input, Modal, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import {
  useReceiveRequest,
  useReleaseUsage,
  type OrderParts,
  type PartRequest,
  type PartUsage,
} from '../api/field.ts';
import { yuan } from './money.ts';
import { PayerTag, RequestStatusTag, UsageStatusTag } from './PartTags.tsx';

/** Requests still moving (shown on the job); finished ones stay on the order page. */
const OPEN_REQUESTS = new Set(['pending_approval', 'approved', 'shipped']);

/**
 * The order's parts on the phone: reserved and used parts (a reserved one can be returned with a
 * reason) and the open requests with their status and tracking (a shipped one can be signed for).
 */
export function JobPartsList({ orderId, parts }: { orderId: string; parts: OrderParts }) {
  const { t } = useTranslation();
  const usages = parts.usages.filter((u) => u.status !== 'released');
  const requests = parts.requests.filter((r) => OPEN_REQUESTS.has(r.status) || r.status === 'received');
  if (usages.length === 0 && requests.length === 0)
    return (
      <Typography.Paragraph type="secondary" data-testid="job-parts-none">
        {t('parts.field.none')}
      </Typography.Paragraph>
    );
  return (
    <div className="parts-job-list" data-testid="job-parts-list">
      {usages.map((u) => (
        <UsageRow key={u.id} orderId={orderId} usage={u} />
      ))}
      {requests.map((r) => (
        <RequestRow key={r.id} orderId={orderId} request={r} />
      ))}
    </div>
  );
}

function UsageRow({ orderId, usage: u }: { orderId: string; usage: PartUsage }) {
  const { t } = useTranslation();
  const release = useReleaseUsage(orderId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <div className="parts-job-row" data-testid={`job-usage-${u.id}`}>
      <div className="parts-job-main">
        <strong>
          {u.itemName} × {u.qty}
        </strong>
        <span className="parts-muted">
          {u.itemCode} · {u.locationName}
        </span>
        <span>
          <UsageStatusTag status={u.status} />
          <PayerTag payer={u.paidBy} />
          {u.paidBy === 'customer' && (
            <span className="parts-price">
              {t('parts.field.amount', { amount: yuan(u.unitPriceFen * u.qty) })}
            </span>
          )}
        </span>
        {(u.newSerial || u.oldSerial) && (
          <span className="parts-muted">
            {u.newSerial && `${t('parts.fields.newSerial')}: ${u.newSerial} `}
            {u.oldSerial && `${t('parts.fields.oldSerial')}: ${u.oldSerial}`}
          </span>
        )}
      </div>
      {u.status === 'reserved' && (
        <Button size="large" data-testid={`usage-release-${u.id}`} onClick={() => setOpen(true)}>
          {t('parts.field.release.action')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('parts.field.release.title', { name: u.itemName })}
        okText={t('parts.field.release.confirm')}
        cancelText={t('parts.field.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: release.isPending, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          release.mutate(
            { usageId: u.id, reason: reason.trim() },
            {
              onSuccess: () => {
                setOpen(false);
                setReason('');
              },
            },
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('parts.field.release.hint')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          placeholder={t('parts.field.release.reason')}
          aria-label={t('parts.field.release.reason')}
          data-testid="release-reason"
          onChange={(e) => setReason(e.target.value)}
        />
        {release.error && <ProblemAlert error={release.error} style={{ marginTop: 8 }} />}
      </Modal>
    </div>
  );
}

function RequestRow({ orderId, request: r }: { orderId: string; request: PartRequest }) {
  const { t } = useTranslation();
  const receive = useReceiveRequest(orderId);
  return (
    <div className="parts-job-row" data-testid={`job-request-${r.id}`}>
      <div className="parts-job-main">
        <strong>
          {t('parts.field.requestNo', { number: r.number })} <RequestStatusTag status={r.status} />
        </strong>
        <span className="parts-muted">{r.lines.map((l) => `${l.itemName} × ${l.qty}`).join('、')}</span>
        {r.trackingNo && (
          <span data-testid="request-tracking">
            {t('parts.field.tracking', { carrier: r.carrier ?? '', trackingNo: r.trackingNo })}
          </span>
        )}
        <span className="parts-muted">
          {t('parts.field.requestedAt', { at: bj(r.createdAt).format('MM-DD HH:mm') })}
        </span>
        {receive.error && <ProblemAlert error={receive.error} />}
      </div>
      {r.status === 'shipped' && (
        <Popconfirm
          title={t('parts.field.receive.confirm')}
          okText={t('parts.field.receive.action')}
          cancelText={t('parts.field.cancel')}
          onConfirm={() => receive.mutate({ id: r.id, version: r.version })}
        >
          <Button
            type="primary"
            size="large"
            loading={receive.isPending}
            data-testid={`request-receive-${r.id}`}
          >
            {t('parts.field.receive.action')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
