import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartRequest } from '@anxin/contracts';
import { yuan } from './format.ts';

type Line = PartRequest['lines'][number];

/** The lines of a part request: item, kind, quantity, who pays, value at cost. */
export function RequestLines({ request }: { request: PartRequest }) {
  const { t } = useTranslation();
  return (
    <Table<Line>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={request.lines}
      data-testid={`parts-request-lines-${request.number}`}
      columns={[
        { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 140 },
        { title: t('parts.fields.name'), dataIndex: 'itemName' },
        {
          title: t('parts.fields.kind'),
          dataIndex: 'kind',
          width: 90,
          render: (k: Line['kind']) => <Tag>{t(`parts.kinds.${k}`)}</Tag>,
        },
        { title: t('parts.fields.qty'), dataIndex: 'qty', width: 80, align: 'right' },
        {
          title: t('parts.fields.payer'),
          dataIndex: 'paidBy',
          width: 120,
          render: (p: Line['paidBy']) => t(`parts.payers.${p}`),
        },
        {
          title: t('parts.warehouse.requests.lineValue'),
          key: 'value',
          width: 120,
          align: 'right',
          render: (_: unknown, l) => <Typography.Text>{yuan(l.unitCostFen * l.qty)}</Typography.Text>,
        },
      ]}
    />
  );
}
