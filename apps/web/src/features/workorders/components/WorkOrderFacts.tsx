import { Card, Descriptions, Flex, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstalledProduct, WorkOrderDetail } from '@anxin/contracts';
import { productName } from '../../../components/productName.ts';
import { TierTag, WarrantyBadge, regionName, type RegionOption } from '../../customers/index.ts';
import { bj } from '../time.ts';
import { KnowledgeArticleLink } from '../../knowledge/index.ts';
import { CallButton } from '../../telephony/index.ts';
import { formatWindow } from './Tags.tsx';

/** What the order is about: customer and product, the problem, and the visit (who, when). */
export function WorkOrderFacts({
  o,
  product,
  regions,
  codes,
}: {
  o: WorkOrderDetail;
  product: InstalledProduct | undefined;
  regions: RegionOption[] | undefined;
  /** Fault and symptom code id → name in the user's language. */
  codes: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('workorders.detail.customerProduct')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'customer',
              label: t('workorders.fields.customer'),
              children: o.customer ? (
                <Space size={4} wrap>
                  {o.customer.name}
                  <TierTag tier={o.customer.tier} />
                </Space>
              ) : (
                '—'
              ),
            },
            {
              key: 'contact',
              label: t('workorders.detail.contact'),
              children: (
                <Space size={8} wrap>
                  {`${o.contactName} · ${o.contactPhone}`}
                  <CallButton number={o.contactPhone} workOrderId={o.id} />
                </Space>
              ),
            },
            {
              key: 'address',
              label: t('workorders.detail.address'),
              span: 'filled',
              children: [regionName(regions, o.districtCode), o.address].filter(Boolean).join(' ') || '—',
            },
            {
              key: 'product',
              label: t('workorders.fields.product'),
              children: product ? productName(product) : (o.product?.brand ?? '—'),
            },
            {
              key: 'serial',
              label: t('workorders.detail.serial'),
              children: o.product ? <span className="anxin-mono">{o.product.serial}</span> : '—',
            },
            {
              key: 'warranty',
              label: t('workorders.detail.warranty'),
              children: product ? <WarrantyBadge warranty={product.warranty} /> : '—',
            },
            {
              key: 'purchase',
              label: t('workorders.detail.purchase'),
              children: product?.purchaseDate ?? '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('workorders.detail.problem')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'fault',
              label: t('workorders.detail.fault'),
              children:
                o.faultCodeId || o.symptomCodes.length ? (
                  <Space size={4} wrap>
                    {o.faultCodeId && <Tag color="volcano">{codes.get(o.faultCodeId) ?? o.faultCodeId}</Tag>}
                    {o.symptomCodes.map((s) => (
                      <Tag key={s}>{codes.get(s) ?? s}</Tag>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              key: 'desc',
              label: t('workorders.detail.description'),
              children: <span className="anxin-prewrap">{o.faultDescription || '—'}</span>,
            },
            ...(o.remoteGuidance
              ? [
                  {
                    key: 'guidance',
                    label: t('workorders.detail.guidance'),
                    children: <span className="anxin-prewrap">{o.remoteGuidance}</span>,
                  },
                ]
              : []),
            ...(o.knowledgeArticleId
              ? [
                  {
                    key: 'article',
                    label: t('knowledge.orderArticle'),
                    children: <KnowledgeArticleLink id={o.knowledgeArticleId} />,
                  },
                ]
              : []),
            ...(o.cancelReason
              ? [
                  {
                    key: 'cancel',
                    label: t('workorders.detail.cancelReason'),
                    children: o.cancelReason,
                  },
                ]
              : []),
            ...(o.linkedRef
              ? [{ key: 'linked', label: t('workorders.detail.linkedRef'), children: o.linkedRef }]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('workorders.detail.visit')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'appointment',
              label: t('workorders.fields.appointment'),
              children: <span data-testid="wo-appointment-value">{formatWindow(o.appointment)}</span>,
            },
            {
              key: 'preferred',
              label: t('workorders.detail.preferred'),
              children: o.preferredWindows.length ? (
                <Flex vertical>
                  {o.preferredWindows.map((w) => (
                    <span key={w.start}>{formatWindow(w)}</span>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
            },
            {
              key: 'outlet',
              label: t('workorders.detail.outlet'),
              children: o.outlet?.name ?? t('workorders.detail.unassigned'),
            },
            {
              key: 'technician',
              label: t('workorders.detail.technician'),
              children: o.technician?.name ?? t('workorders.detail.unassigned'),
            },
            ...(o.completedAt
              ? [
                  {
                    key: 'completed',
                    label: t('workorders.detail.completedAt'),
                    children: bj(o.completedAt).format('YYYY-MM-DD HH:mm'),
                  },
                ]
              : []),
            ...(o.closedAt
              ? [
                  {
                    key: 'closed',
                    label: t('workorders.detail.closedAt'),
                    children: bj(o.closedAt).format('YYYY-MM-DD HH:mm'),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
