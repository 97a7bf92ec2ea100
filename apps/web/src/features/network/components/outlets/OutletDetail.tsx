import { Card, Descriptions, Drawer, Flex, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Outlet } from '@anxin/contracts';
import { useOutletCalendar, useTechnicians } from '../../api.ts';
import { CertTag, GradeTag, OutletStatusTag } from '../bits.tsx';

/** An outlet's details, its technicians with skills and certificates, and its calendar. */
export function OutletDetail({
  outlet,
  onClose,
  catName,
}: {
  outlet: Outlet | null;
  onClose: () => void;
  catName: (c: string) => string;
}) {
  const { t } = useTranslation();
  const techs = useTechnicians({ outletId: outlet?.id }, !!outlet);
  const calendar = useOutletCalendar(outlet?.id);
  return (
    <Drawer open={!!outlet} onClose={onClose} size="large" title={outlet?.name} data-testid="outlet-detail">
      {outlet && (
        <Flex vertical gap={16}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('network.outlets.code')}>{outlet.code}</Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.status')}>
              <OutletStatusTag status={outlet.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.type')}>
              {t(`network.types.${outlet.type}`)} · {t(`network.kinds.${outlet.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.grade')}>
              <GradeTag grade={outlet.grade} />
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.parent')}>
              {outlet.parentName ?? t('network.common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.capacity')}>
              {outlet.dailyCapacity}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.contact')} span={2}>
              {[outlet.contactName, outlet.contactPhone].filter(Boolean).join(' ') ||
                t('network.common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.address')} span={2}>
              {outlet.regionName} {outlet.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.serviceAreas')} span={2}>
              {outlet.serviceAreas.map((a) => a.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('network.outlets.categories')} span={2}>
              {outlet.categories.map(catName).join('、')}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('network.outlets.technicians')}>
            <List
              loading={techs.isPending}
              dataSource={techs.data?.items ?? []}
              data-testid="outlet-detail-technicians"
              renderItem={(tech) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text strong>{tech.name}</Typography.Text>
                    <Tag>{t(`network.tiers.${tech.tier}` as 'network.tiers.1')}</Tag>
                    {tech.skills.map((s) => (
                      <Tag key={s.categoryCode} color="blue">
                        {catName(s.categoryCode)} L{s.level}
                      </Tag>
                    ))}
                    {tech.certificationAlert !== 'valid' && <CertTag status={tech.certificationAlert} />}
                    {!tech.active && <Tag>{t('network.technicians.inactive')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('network.outlets.calendar')}>
            {calendar.data?.items.length ? (
              <Space wrap>
                {calendar.data.items.map((d) => (
                  <Tag key={d.date} color={d.open ? 'green' : 'red'}>
                    {d.date} {d.open ? t('network.outlets.open') : t('network.outlets.closed')} {d.note ?? ''}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('network.outlets.noCalendar')}</Typography.Text>
            )}
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
