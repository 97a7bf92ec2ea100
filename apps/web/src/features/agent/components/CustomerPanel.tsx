import { Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '@anxin/contracts';
import { PhoneList, PrivacyActions, TierTag, WarrantyBadge, type LookupItem } from '../../customers/index.ts';
import { CustomerOrders } from '../../workorders/index.ts';
import { RequestRmaButton } from '../../rma/index.ts';
import { productName } from '../../../components/productName.ts';
import { ProductCardButton } from '../../cards/index.ts';
import { ProductWarrantyButton } from '../../warranty/index.ts';

/** Everything about the identified caller at a glance: phones, addresses, products, orders. */
export function CustomerPanel({
  customer,
  detail,
}: {
  customer: LookupItem;
  detail: CustomerDetail | undefined;
}) {
  const { t } = useTranslation();
  const products = detail?.products ?? customer.products;
  const addresses = detail?.addresses ?? (customer.defaultAddress ? [customer.defaultAddress] : []);
  return (
    <Card
      size="small"
      data-testid="customer-panel"
      title={
        <Space wrap size={8}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="customer-name">
            {customer.name}
          </Typography.Text>
          {customer.companyName && <Typography.Text type="secondary">{customer.companyName}</Typography.Text>}
          <TierTag tier={customer.tier} />
        </Space>
      }
      extra={<PrivacyActions customer={detail} />}
    >
      <Flex vertical gap={12}>
        <PhoneList phones={customer.phones} />
        <div>
          <Typography.Text type="secondary" className="anxin-section-label">
            {t('agent.customer.addresses')}
          </Typography.Text>
          {addresses.length ? (
            <Flex vertical gap={4}>
              {addresses.map((a) => (
                <Space key={a.id} size={6} align="start">
                  <EnvironmentOutlined style={{ marginTop: 4, color: 'rgba(0,0,0,.45)' }} />
                  <span>
                    {a.regionName} {a.detail}
                    {a.isDefault && (
                      <Tag color="cyan" style={{ marginInlineStart: 6 }}>
                        {t('agent.customer.default')}
                      </Tag>
                    )}
                  </span>
                </Space>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary"> {t('agent.customer.noAddress')}</Typography.Text>
          )}
        </div>
        <div>
          <Typography.Text type="secondary" className="anxin-section-label">
            {t('agent.customer.products', { count: products.length })}
          </Typography.Text>
          {products.length ? (
            <Flex vertical gap={6} data-testid="customer-products">
              {products.map((p) => (
                <div key={p.id} className="anxin-product-row" data-testid="customer-product">
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Typography.Text strong>{productName(p)}</Typography.Text>
                    <Flex gap={4} align="center" wrap>
                      <WarrantyBadge warranty={p.warranty} />
                      <ProductWarrantyButton productId={p.id} name={productName(p)} />
                      <ProductCardButton productId={p.id} customerId={p.customerId} serial={p.serial} />
                      <RequestRmaButton installedProductId={p.id} size="small" />
                    </Flex>
                  </Flex>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, sm: 3 }}
                    className="anxin-product-row__meta"
                    items={[
                      {
                        key: 's',
                        label: t('agent.customer.serial'),
                        children: <span className="anxin-mono">{p.serial}</span>,
                      },
                      { key: 'p', label: t('agent.customer.purchased'), children: p.purchaseDate ?? '—' },
                      { key: 'i', label: t('agent.customer.installed'), children: p.installDate ?? '—' },
                    ]}
                  />
                </div>
              ))}
            </Flex>
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('agent.customer.noProducts')}
              style={{ margin: '8px 0' }}
            />
          )}
        </div>
        <CustomerOrders customerId={customer.id} />
      </Flex>
    </Card>
  );
}
