import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TierTag, type LookupItem } from '../../customers/index.ts';

/** Several customers match the number: a list to pick from (arrow keys in the number field move too). */
export function CallerMatches({
  items,
  activeId,
  onPick,
}: {
  items: readonly LookupItem[];
  activeId: string | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('agent.caller.matches', { count: items.length })}
      data-testid="lookup-results"
    >
      <Flex vertical gap={6} role="listbox" aria-label={t('agent.caller.matches', { count: items.length })}>
        {items.map((c) => (
          <button
            type="button"
            key={c.id}
            role="option"
            aria-selected={c.id === activeId}
            className={`anxin-lookup-item${c.id === activeId ? ' anxin-lookup-item--active' : ''}`}
            onClick={() => onPick(c.id)}
            data-testid="lookup-result"
          >
            <Space wrap size={6}>
              <Typography.Text strong>{c.name}</Typography.Text>
              <TierTag tier={c.tier} />
              <Tag>{t(`agent.matchedBy.${c.matchedBy}`)}</Tag>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.phones.map((p) => p.phone).join(' · ')}
              {c.defaultAddress ? ` · ${c.defaultAddress.regionName}` : ''}
              {c.orders
                ? ` · ${t('agent.caller.orderCounts', { open: c.orders.open, total: c.orders.total })}`
                : ''}
            </Typography.Text>
          </button>
        ))}
      </Flex>
    </Card>
  );
}
