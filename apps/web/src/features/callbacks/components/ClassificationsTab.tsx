import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ORDER_CLASSES, type OrderClass } from '@anxin/contracts';
import type { Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useClassifications } from '../api.ts';

/** Counts per derived class (click to filter) and the classified orders. */
export function ClassificationsTab() {
  const { t } = useTranslation();
  const [cls, setCls] = useState<OrderClass | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const q = {
    ...(cls ? { class: cls } : {}),
    ...(range?.[0] ? { from: range[0].startOf('day').toISOString() } : {}),
    ...(range?.[1] ? { to: range[1].add(1, 'day').startOf('day').toISOString() } : {}),
  };
  const list = useClassifications(q);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center">
        <span>{t('callbacks.classes.range')}</span>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} data-testid="cb-class-range" />
      </Flex>
      <Row gutter={[12, 12]}>
        {ORDER_CLASSES.map((c) => (
          <Col key={c} xs={12} md={8} xl={4}>
            <Card
              size="small"
              hoverable
              data-testid={`cb-class-${c}`}
              onClick={() => setCls(cls === c ? undefined : c)}
              style={cls === c ? { borderColor: '#1677ff' } : undefined}
            >
              {/* Orders by primary class (each order once); flags of more serious orders beside it. */}
              <Statistic
                title={t(`callbacks.classes.${c}`)}
                value={list.data?.primaryCounts[c] ?? 0}
                data-testid={`cb-class-${c}-primary`}
              />
              <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                {t('callbacks.classes.withFlags', { n: list.data?.counts[c] ?? 0 })}
              </span>
            </Card>
          </Col>
        ))}
      </Row>
      {list.error && <ProblemAlert error={list.error} />}
      <Table
        rowKey={(r) => `${r.orderId}:${r.class}`}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('callbacks.classes.empty') }}
        pagination={{ pageSize: 20 }}
        size="small"
        columns={[
          {
            title: t('callbacks.classes.order'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/workorders/${r.orderId}`}>{n}</Link>,
          },
          {
            title: t('callbacks.classes.class'),
            dataIndex: 'class',
            render: (c: OrderClass, r) => (
              <>
                <Tag color={c === 'satisfied' ? 'green' : 'red'}>{t(`callbacks.classes.${c}`)}</Tag>
                <Tag bordered={false}>
                  {t(r.primary ? 'callbacks.classes.primary' : 'callbacks.classes.flag')}
                </Tag>
              </>
            ),
          },
          {
            title: t('callbacks.classes.createdAt'),
            dataIndex: 'orderCreatedAt',
            render: (v: string) => bj(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('callbacks.classes.computedAt'),
            dataIndex: 'computedAt',
            render: (v: string) => bj(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Flex>
  );
}
