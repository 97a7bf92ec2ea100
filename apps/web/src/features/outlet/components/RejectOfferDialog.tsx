import { useEffect } from 'react';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfferRejectReason } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useRejectOffer } from '../api.ts';

// Kept local (not imported as a value from @anxin/contracts: zod stays out of the page bundle).
const REASONS: OfferRejectReason[] = [
  'out_of_area',
  'no_capacity',
  'no_skill',
  'no_technician_available',
  'customer_unreachable',
  'other',
];

interface Values {
  reasonCode: OfferRejectReason;
  note?: string;
}

/** Declines an offer with a reason code (and a note; required for “other”). */
export function RejectOfferDialog({
  offer,
  onClose,
  onDone,
}: {
  offer: { id: string; number: string } | null;
  onClose: () => void;
  onDone: (number: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reject = useRejectOffer();
  const code = Form.useWatch('reasonCode', form);

  useEffect(() => {
    if (offer) {
      form.resetFields();
      reject.reset();
    }
  }, [offer]);

  const submit = async (v: Values) => {
    if (!offer) return;
    try {
      await reject.mutateAsync({
        offerId: offer.id,
        reasonCode: v.reasonCode,
        note: v.note?.trim() || undefined,
      });
      onDone(offer.number);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };

  return (
    <Modal
      open={!!offer}
      onCancel={onClose}
      destroyOnHidden
      title={offer && t('outlet.reject.title', { number: offer.number })}
      footer={
        <Space>
          <Button onClick={onClose}>{t('settings.actions.cancel')}</Button>
          <Button
            danger
            type="primary"
            loading={reject.isPending}
            onClick={() => form.submit()}
            data-testid="reject-confirm"
          >
            {t('outlet.reject.confirm')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ marginTop: 16 }}>
        <Form.Item name="reasonCode" label={t('outlet.reject.reasonCode')} rules={[{ required: true }]}>
          <Select
            data-testid="reject-reason"
            autoFocus
            options={REASONS.map((r) => ({ value: r, label: t(`outlet.reject.reasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('outlet.reject.note')}
          rules={[
            { required: code === 'other', whitespace: true, message: t('outlet.reject.noteRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="reject-note" />
        </Form.Item>
      </Form>
      <ProblemAlert error={reject.error} />
    </Modal>
  );
}
