import { useState } from 'react';
import { Alert, App, Button, Form, Input, Segmented, Skeleton, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PortalRequestType } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { MAX_PHOTOS, normalisePhone, useContact, useProducts, useSubmitRequest } from '../api.ts';
import { ContactConfirm, contactReady, type ContactValue } from '../components/ContactConfirm.tsx';
import { PhotoPicker } from '../components/PhotoPicker.tsx';
import { SlotPicker } from '../components/SlotPicker.tsx';
import { WarrantyTag } from '../components/WarrantyTag.tsx';
import { productName } from '../../../components/productName.ts';
import { windowOf, type SlotChoice } from '../time.ts';

export default function NewRequestPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const products = useProducts();
  const submit = useSubmitRequest();
  const [type, setType] = useState<PortalRequestType>('repair');
  const [productId, setProductId] = useState<string | null>(params.get('product'));
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [slots, setSlots] = useState<SlotChoice[]>([]);
  const [tried, setTried] = useState(false);
  const [contact, setContact] = useState<ContactValue | null>(null);
  const fallback = useContact().data;
  // Untouched, the card shows the contact on file: that is what would be sent.
  const shownContact: ContactValue | null =
    contact ?? (fallback ? { name: fallback.name, phone: fallback.phone ?? '', confirmed: false } : null);

  const chosenProduct = productId ?? (products.data?.length === 1 ? products.data[0]!.id : null);
  const missing = { product: !chosenProduct, description: !description.trim(), slots: slots.length === 0 };

  const onSubmit = () => {
    setTried(true);
    if (missing.product || missing.description || missing.slots || !contactReady(shownContact)) return;
    submit.mutate(
      {
        body: {
          type,
          productId: chosenProduct!,
          faultDescription: description.trim(),
          preferredWindows: slots.map(windowOf),
          contactName: shownContact.name.trim(),
          contactPhone: normalisePhone(shownContact.phone),
        },
        photos,
      },
      {
        onSuccess: (r) => {
          void message.success(t('portal.request.submitted', { number: r.order.number }));
          const refused = r.photos.filter((p) => !p.ok).length;
          if (refused) void message.warning(t('portal.request.photosRefused', { count: refused }));
          void navigate(`/portal/orders/${encodeURIComponent(r.order.id)}`);
        },
      },
    );
  };

  return (
    <div className="portal-page">
      <div className="portal-page__head">
        <Typography.Title level={3}>{t('portal.request.heading')}</Typography.Title>
      </div>
      {/* Self-service first: many faults are fixed by the customer in minutes (deflection). */}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <Link to="/portal/help" data-testid="portal-help-entry">
            {t('knowledge.portal.entry')}
          </Link>
        }
      />
      <Form layout="vertical" onFinish={onSubmit} requiredMark={false} className="portal-form">
        <div className="portal-card">
          <Form.Item label={t('portal.request.type')}>
            <Segmented
              block
              size="large"
              value={type}
              onChange={(v) => setType(v as PortalRequestType)}
              options={[
                {
                  value: 'repair',
                  label: <span data-testid="portal-type-repair">{t('portal.type.repair')}</span>,
                },
                {
                  value: 'install',
                  label: <span data-testid="portal-type-install">{t('portal.type.install')}</span>,
                },
              ]}
              data-testid="portal-request-type"
            />
          </Form.Item>
          <Form.Item
            label={t('portal.request.product')}
            validateStatus={tried && missing.product ? 'error' : undefined}
            help={tried && missing.product ? t('portal.request.productRequired') : undefined}
            style={{ marginBottom: 0 }}
          >
            {products.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
            {products.error && <ProblemAlert error={products.error} />}
            {products.data?.length === 0 && (
              <Alert
                type="info"
                showIcon
                title={<Link to="/portal/products">{t('portal.request.noProducts')}</Link>}
              />
            )}
            <div className="portal-choices" role="radiogroup" data-testid="portal-request-products">
              {products.data?.map((p) => (
                <button
                  type="button"
                  role="radio"
                  aria-checked={chosenProduct === p.id}
                  key={p.id}
                  className={`portal-choice${chosenProduct === p.id ? ' is-on' : ''}`}
                  onClick={() => setProductId(p.id)}
                  data-testid="portal-request-product"
                >
                  <span className="portal-choice__text">
                    <span className="portal-choice__title">{productName(p)}</span>
                    <span className="portal-choice__sub portal-mono">{p.serial}</span>
                  </span>
                  <WarrantyTag warranty={p.warranty} />
                  {chosenProduct === p.id && <CheckCircleFilled className="portal-choice__check" />}
                </button>
              ))}
            </div>
          </Form.Item>
        </div>

        <div className="portal-card">
          <Form.Item
            label={t('portal.request.description')}
            validateStatus={tried && missing.description ? 'error' : undefined}
            help={tried && missing.description ? t('portal.request.descriptionRequired') : undefined}
          >
            <Input.TextArea
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              showCount
              placeholder={
                type === 'install'
                  ? t('portal.request.installPlaceholder')
                  : t('portal.request.descriptionPlaceholder')
              }
              data-testid="portal-request-description"
            />
          </Form.Item>
          <Form.Item label={t('portal.request.photos', { max: MAX_PHOTOS })} style={{ marginBottom: 0 }}>
            <PhotoPicker value={photos} onChange={setPhotos} max={MAX_PHOTOS} />
          </Form.Item>
        </div>

        <div className="portal-card">
          <Form.Item
            label={t('portal.request.when')}
            extra={t('portal.request.whenHint')}
            validateStatus={tried && missing.slots ? 'error' : undefined}
            help={tried && missing.slots ? t('portal.request.whenRequired') : undefined}
            style={{ marginBottom: 0 }}
          >
            <SlotPicker value={slots} onChange={setSlots} max={3} testId="portal-request-slot" />
          </Form.Item>
        </div>

        <ContactConfirm value={shownContact} onChange={setContact} tried={tried} />

        {submit.error && <ProblemAlert error={submit.error} style={{ marginBottom: 16 }} />}
        <div className="portal-sticky-submit">
          <Button
            type="primary"
            size="large"
            block
            htmlType="submit"
            loading={submit.isPending}
            className="portal-primary"
            data-testid="portal-request-submit"
          >
            {t('portal.request.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
