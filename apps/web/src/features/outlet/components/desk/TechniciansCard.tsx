import { Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutletDesk } from '../../pages/useOutletDesk.ts';

/** The outlet's technicians with today's and open orders. */
export function TechniciansCard({ desk }: { desk: OutletDesk }) {
  const { t } = useTranslation();
  const { f, figures } = desk;
  return (
    <Card size="small" title={t('outlet.technicians.title')} loading={figures.isPending}>
      <Flex vertical data-testid="outlet-technicians">
        {(f?.technicians ?? []).length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlet.technicians.empty')} />
        )}
        {(f?.technicians ?? []).map((x) => (
          <Flex
            key={x.technicianId}
            data-testid={`outlet-tech-${x.name}`}
            justify="space-between"
            gap={8}
            style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
          >
            <Space size={4}>
              <Typography.Text strong={x.active} type={x.active ? undefined : 'secondary'}>
                {x.name}
              </Typography.Text>
              {!x.active && <Tag>{t('outlet.technicians.inactive')}</Tag>}
            </Space>
            <Space size={4}>
              <Tag color={x.today > 0 ? 'blue' : 'default'}>
                {t('outlet.technicians.today')} {x.today}
              </Tag>
              <Tag>
                {t('outlet.technicians.open')} {x.open}
              </Tag>
            </Space>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
