import { Checkbox, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { isMobile, useContact } from '../api.ts';

export interface ContactValue {
  name: string;
  phone: string;
  confirmed: boolean;
}

interface Props {
  value: ContactValue | null;
  onChange: (v: ContactValue) => void;
  tried: boolean;
}

/**
 * 上门信息: the address and whom to call, as the request will use them; the customer may give
 * another contact and must tick that the address is right (a wrong one only shows at the door).
 */
export function ContactConfirm({ value, onChange, tried }: Props) {
  const { t } = useTranslation();
  const contact = useContact();
  const c = contact.data;
  const v = value ?? { name: c?.name ?? '', phone: c?.phone ?? '', confirmed: false };
  const set = (patch: Partial<ContactValue>) => onChange({ ...v, ...patch });
  const phoneBad = tried && !isMobile(v.phone);
  return (
    <div className="portal-card" data-testid="portal-request-contact">
      <div className="portal-section-title">{t('portal.detail.contact')}</div>
      {contact.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {contact.error && <ProblemAlert error={contact.error} />}
      {c && (
        <>
          <Form.Item label={t('portal.detail.address')} style={{ marginBottom: 8 }}>
            <Typography.Text data-testid="portal-request-address">
              {c.address ?? t('portal.request.noAddress')}
            </Typography.Text>
          </Form.Item>
          <Form.Item
            label={t('portal.detail.contactName')}
            validateStatus={tried && !v.name.trim() ? 'error' : undefined}
            help={tried && !v.name.trim() ? t('portal.request.contactNameRequired') : undefined}
          >
            <Input
              value={v.name}
              maxLength={50}
              onChange={(e) => set({ name: e.target.value })}
              data-testid="portal-request-contact-name"
            />
          </Form.Item>
          <Form.Item
            label={t('portal.detail.contactPhone')}
            validateStatus={phoneBad ? 'error' : undefined}
            help={phoneBad ? t('portal.request.contactPhoneInvalid') : undefined}
          >
            <Input
              value={v.phone}
              inputMode="tel"
              maxLength={20}
              onChange={(e) => set({ phone: e.target.value })}
              data-testid="portal-request-contact-phone"
            />
          </Form.Item>
          <Form.Item
            style={{ marginBottom: 0 }}
            validateStatus={tried && !v.confirmed ? 'error' : undefined}
            help={
              tried && !v.confirmed ? t('portal.request.confirmRequired') : t('portal.detail.contactHint')
            }
          >
            <Checkbox
              checked={v.confirmed}
              onChange={(e) => set({ confirmed: e.target.checked })}
              data-testid="portal-request-confirm"
            >
              {t('portal.request.confirmContact')}
            </Checkbox>
          </Form.Item>
        </>
      )}
    </div>
  );
}

/** Ready to send: a name, a mainland mobile and the tick. */
export const contactReady = (v: ContactValue | null): v is ContactValue =>
  !!v && !!v.name.trim() && isMobile(v.phone) && v.confirmed;
