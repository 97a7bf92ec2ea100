import { Alert, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Entitlement } from '@anxin/contracts';
import { useEntitlement } from '../api.ts';

/** The facts of the entitlement as tags: kind, visits left, parts, labour, last day, SLA. */
function Facts({ e }: { e: Entitlement }) {
  const { t } = useTranslation();
  const c = e.contract!;
  const k = 'servicecontracts.entitlement';
  return (
    <Space size={[4, 4]} wrap>
      <Typography.Text strong className="anxin-mono">
        {c.number}
      </Typography.Text>
      <Tag color="blue">{t(`servicecontracts.kinds.${c.kind}`)}</Tag>
      <Tag color={c.visitsRemaining === 0 ? 'red' : 'default'}>
        {c.visitQuota === null
          ? t(`${k}.visitsUnlimited`)
          : t(`${k}.visitsLeft`, { left: c.visitsRemaining, quota: c.visitQuota })}
      </Tag>
      <Tag color={c.partsCovered ? 'green' : 'default'}>
        {t(c.partsCovered ? `${k}.parts` : `${k}.noParts`)}
      </Tag>
      <Tag color={c.labourCovered ? 'green' : 'default'}>
        {t(c.labourCovered ? `${k}.labour` : `${k}.noLabour`)}
      </Tag>
      <Tag>{t(`${k}.until`, { date: c.endsOn })}</Tag>
      <Tag>{t(`${k}.sla`, { tier: t(`servicecontracts.tiers.${c.slaTier}`), hours: c.responseHours })}</Tag>
    </Space>
  );
}

/**
 * The service-contract entitlement of the chosen customer's product, for the agent at intake:
 * the covering contract with what is left of it, or why none covers the product. Renders nothing
 * for readers without `servicecontract:read` (the query fails with 403 and the card stays away).
 */
export function EntitlementCard({
  customerId,
  productId,
  inline = false,
}: {
  customerId?: string | undefined;
  productId?: string | undefined;
  /** In a column with its own gaps (order detail): no margin of its own. */
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const q = useEntitlement(customerId, productId);
  if (!customerId || !productId || !q.data) return null;
  const e = q.data;
  const k = 'servicecontracts.entitlement';
  const reason =
    e.reason &&
    t(`${k}.reasons.${e.reason}`, {
      date: e.reason === 'not_started' ? e.contract?.startsOn : e.contract?.endsOn,
    });
  return (
    <Alert
      data-testid="entitlement-card"
      data-covered={e.covered ? 'yes' : 'no'}
      type={e.covered ? 'success' : e.contract ? 'warning' : 'info'}
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={inline ? undefined : { marginBottom: 16 }}
      title={e.covered ? t(`${k}.title`) : t(`${k}.none`)}
      description={
        <Space direction="vertical" size={4}>
          {e.contract && <Facts e={e} />}
          {reason && <Typography.Text type="secondary">{reason}</Typography.Text>}
        </Space>
      }
    />
  );
}
