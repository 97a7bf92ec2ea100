import { Space, Tag, Tooltip, Typography } from 'antd';
import { CrownOutlined, EyeInvisibleOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@anxin/contracts';

type Phone = Customer['phones'][number];

export function TierTag({ tier }: { tier: string }) {
  const { t } = useTranslation();
  if (tier === 'standard') return <Tag>{t('customers.tiers.standard')}</Tag>;
  return (
    <Tag color={tier === 'vip' ? 'gold' : 'purple'} icon={<CrownOutlined />}>
      {t(`customers.tiers.${tier as 'vip'}`, { defaultValue: tier })}
    </Tag>
  );
}

/** Phones as the server sends them: masked (`138****1234`) unless the user may see them in full. */
export function PhoneList({ phones }: { phones: Phone[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[12, 4]} wrap data-testid="customer-phones">
      {phones.map((p) => (
        <span key={p.id} className="anxin-phone">
          <PhoneOutlined />
          <Typography.Text strong={p.isPrimary} copyable={p.masked ? false : { text: p.phone }}>
            {p.phone}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`customers.phoneLabels.${p.label as 'mobile'}`, { defaultValue: p.label })}
            {p.isPrimary ? ` · ${t('customers.primary')}` : ''}
          </Typography.Text>
          {p.masked && (
            <Tooltip title={t('customers.maskedHint')}>
              <EyeInvisibleOutlined
                style={{ color: 'rgba(0,0,0,.35)' }}
                aria-label={t('customers.maskedHint')}
              />
            </Tooltip>
          )}
        </span>
      ))}
    </Space>
  );
}
