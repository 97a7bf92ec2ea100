import { useState } from 'react';
import { App, Button, Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsRow, AnalyticsTable } from '@anxin/contracts';
import { problemText } from '../../../i18n/problem.ts';
import { rates } from '../format.ts';

const COMPACT = ['name', 'created', 'closed', 'open', 'rr', 'ftf'];

/** One table of the dashboard: names and counts open their orders; Excel of this table. */
export function RowsTable({
  table,
  rows,
  download,
  nameOf,
  compact = false,
}: {
  table: AnalyticsTable;
  rows: AnalyticsRow[];
  download: (table: AnalyticsTable) => Promise<void>;
  nameOf?: (r: AnalyticsRow) => string;
  /** Beside a chart: the counts and the two main rates only (the Excel file has every column). */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const name = (r: AnalyticsRow) => (nameOf ? nameOf(r) : r.name);
  const columns: ColumnsType<AnalyticsRow> = [
    {
      title: t('analytics.col.name'),
      key: 'name',
      render: (_, r) => <Link to={r.link}>{name(r)}</Link>,
    },
    {
      title: t('analytics.col.created'),
      key: 'created',
      align: 'right',
      render: (_, r) => <Link to={r.link}>{r.created}</Link>,
    },
    { title: t('analytics.col.closed'), key: 'closed', dataIndex: 'closed', align: 'right' },
    { title: t('analytics.col.open'), key: 'open', dataIndex: 'open', align: 'right' },
    {
      title: t('analytics.col.responseRate'),
      key: 'rr',
      align: 'right',
      render: (_, r) => rates(r).responseRate,
    },
    {
      title: t('analytics.col.resolutionRate'),
      key: 'sr',
      align: 'right',
      render: (_, r) => rates(r).resolutionRate,
    },
    {
      title: t('analytics.col.firstTimeFixRate'),
      key: 'ftf',
      align: 'right',
      render: (_, r) => rates(r).firstTimeFixRate,
    },
    {
      title: t('analytics.col.satisfactionRate'),
      key: 'sat',
      align: 'right',
      render: (_, r) => rates(r).satisfactionRate,
    },
    {
      title: t('analytics.col.complaints'),
      key: 'complaintsOpened',
      dataIndex: 'complaintsOpened',
      align: 'right',
    },
    { title: t('analytics.col.partsQty'), key: 'partsQty', dataIndex: 'partsQty', align: 'right' },
    {
      title: t('analytics.col.partsCost'),
      key: 'cost',
      align: 'right',
      render: (_, r) => (r.partsCostFen / 100).toFixed(2),
    },
  ];
  const exportIt = async () => {
    setBusy(true);
    try {
      await download(table);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t(`analytics.section.${table}`)}
      style={{ marginBottom: 12 }}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={busy}
          onClick={exportIt}
          data-testid={`analytics-excel-${table}`}
        >
          {t('analytics.excel')}
        </Button>
      }
    >
      <Table<AnalyticsRow>
        size="small"
        rowKey="key"
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={rows}
        data-testid={`analytics-table-${table}`}
        scroll={{ x: true }}
        columns={compact ? columns.filter((c) => COMPACT.includes(String(c.key))) : columns}
      />
    </Card>
  );
}
