import { useState } from 'react';
import { App, Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PartRequest } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SignaturePad } from '../../../components/SignaturePad.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useApproveRequest, useRejectRequest, useShipRequest } from '../api/warehouse.ts';
import { yuan } from './format.ts';
import { RequestLines } from './RequestLines.tsx';

/** Where a request's parts go: the technician's van or the outlet's store. */
export function destinationText(t: TFunction, r: PartRequest): string {
  return r.deliverTo === 'van'
    ? t('parts.warehouse.requests.toVan', { name: r.technicianName ?? '' })
    : t('parts.warehouse.requests.toOutlet', { name: r.outletName ?? '' });
}

function Summary({ request }: { request: PartRequest }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('parts.fields.order')}>{request.orderNumber}</Descriptions.Item>
      <Descriptions.Item label={t('parts.fields.outlet')}>{request.outletName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('parts.fields.technician')}>
        {request.technicianName ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('parts.warehouse.requests.destination')}>
        {destinationText(t, request)}
      </Descriptions.Item>
      <Descriptions.Item label={t('parts.fields.value')}>{yuan(request.valueFen)}</Descriptions.Item>
      <Descriptions.Item label={t('parts.warehouse.requests.approvalReason')}>
        {t(`parts.approvalReasons.${request.approvalReason}`)}
      </Descriptions.Item>
      {request.note && (
        <Descriptions.Item label={t('parts.fields.note')} span={2}>
          {request.note}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 审批: the lines, the approver's drawn signature (required) and an optional note. */
export function ApproveDialog({ request, onClose }: { request: PartRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approve = useApproveRequest();
  const [signature, setSignature] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const close = () => {
    setSignature(null);
    setNote('');
    approve.reset();
    onClose();
  };
  const submit = () => {
    if (!request || !signature) return;
    approve.mutate(
      { id: request.id, version: request.version, signature, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          message.success(t('parts.warehouse.requests.approved', { number: request.number }));
          close();
        },
      },
    );
  };
  return (
    <Modal
      open={!!request}
      width={760}
      destroyOnHidden
      title={request && t('parts.warehouse.requests.approveTitle', { number: request.number })}
      onCancel={close}
      onOk={submit}
      okText={t('parts.warehouse.requests.approve')}
      confirmLoading={approve.isPending}
      okButtonProps={{ disabled: !signature, 'data-testid': 'parts-approve-submit' } as ButtonProps}
    >
      {request && (
        <Flex vertical gap={12}>
          <Summary request={request} />
          <RequestLines request={request} />
          <Typography.Text strong>{t('parts.warehouse.requests.signature')}</Typography.Text>
          {signature ? (
            <Flex vertical gap={8}>
              <img
                src={signature}
                alt={t('parts.warehouse.requests.signature')}
                data-testid="parts-approve-signature"
                style={{ width: '100%', maxHeight: 180, objectFit: 'contain', border: '1px solid #e5e7eb' }}
              />
              <Button onClick={() => setSignature(null)} data-testid="parts-approve-resign">
                {t('parts.warehouse.requests.resign')}
              </Button>
            </Flex>
          ) : (
            <>
              <Typography.Text type="secondary">
                {t('parts.warehouse.requests.signatureHint')}
              </Typography.Text>
              <SignaturePad onConfirm={setSignature} />
            </>
          )}
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('parts.warehouse.requests.notePlaceholder')}
            aria-label={t('parts.fields.note')}
            data-testid="parts-approve-note"
          />
          {approve.error && <ProblemAlert error={approve.error} />}
        </Flex>
      )}
    </Modal>
  );
}

/** 驳回: a reason is required; the technician sees it. */
export function RejectDialog({ request, onClose }: { request: PartRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reject = useRejectRequest();
  const [form] = Form.useForm<{ reason: string }>();
  const close = () => {
    form.resetFields();
    reject.reset();
    onClose();
  };
  const submit = (v: { reason: string }) => {
    if (!request) return;
    reject.mutate(
      { id: request.id, version: request.version, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('parts.warehouse.requests.rejected', { number: request.number }));
          close();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={!!request}
      destroyOnHidden
      title={request && t('parts.warehouse.requests.rejectTitle', { number: request.number })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('parts.warehouse.requests.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'parts-reject-submit' } as ButtonProps}
      confirmLoading={reject.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('parts.warehouse.requests.reason')}
          rules={[
            { required: true, whitespace: true, message: t('parts.warehouse.requests.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="parts-reject-reason" />
        </Form.Item>
      </Form>
      {reject.error && <ProblemAlert error={reject.error} />}
    </Modal>
  );
}

/** 发货: carrier and tracking number; the destination is shown so the parcel goes to the right place. */
export function ShipDialog({ request, onClose }: { request: PartRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ship = useShipRequest();
  const [form] = Form.useForm<{ carrier: string; trackingNo: string }>();
  const close = () => {
    form.resetFields();
    ship.reset();
    onClose();
  };
  const submit = (v: { carrier: string; trackingNo: string }) => {
    if (!request) return;
    ship.mutate(
      {
        id: request.id,
        version: request.version,
        carrier: v.carrier.trim(),
        trackingNo: v.trackingNo.trim(),
      },
      {
        onSuccess: () => {
          message.success(t('parts.warehouse.requests.shipped', { number: request.number }));
          close();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={!!request}
      width={720}
      destroyOnHidden
      title={request && t('parts.warehouse.requests.shipTitle', { number: request.number })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('parts.warehouse.requests.ship')}
      okButtonProps={{ 'data-testid': 'parts-ship-submit' } as ButtonProps}
      confirmLoading={ship.isPending}
    >
      {request && (
        <>
          <Summary request={request} />
          <RequestLines request={request} />
        </>
      )}
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <Flex gap={12}>
          <Form.Item
            name="carrier"
            label={t('parts.fields.carrier')}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: t('parts.warehouse.requests.carrierRequired') },
            ]}
          >
            <Input maxLength={40} autoFocus data-testid="parts-ship-carrier" />
          </Form.Item>
          <Form.Item
            name="trackingNo"
            label={t('parts.fields.trackingNo')}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: t('parts.warehouse.requests.trackingRequired') },
            ]}
          >
            <Input maxLength={60} data-testid="parts-ship-tracking" />
          </Form.Item>
        </Flex>
      </Form>
      {ship.error && <ProblemAlert error={ship.error} />}
    </Modal>
  );
}
