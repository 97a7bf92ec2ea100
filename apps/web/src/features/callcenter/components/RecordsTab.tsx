import { useState } from 'react';
import { Button, Flex, Select, Table, Tag } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallOutcome, CallRecord } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCallRecords } from '../api.ts';

/** 话务记录: the calls of the chosen dates, newest first, page by page (keyset cursor). */
export function RecordsTab({ range }: { range: [Dayjs, Dayjs] }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CallOutcome | undefined>();
  const [cursors, setCursors] = useState<string[]>([]);
  const q = useCallRecords({
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    outcome,
    cursor: cursors[cursors.length - 1],
  });
  const yesNo = (v: boolean | null) =>
    v === null ? t('callcenter.noData') : v ? t('callcenter.yes') : t('callcenter.no');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('callcenter.outcome.all')}
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            setCursors([]);
          }}
          options={(['answered', 'abandoned'] as const).map((o) => ({
            value: o,
            label: t(`callcenter.outcome.${o}`),
          }))}
        />
      </Flex>
      <ProblemAlert error={q.error} />
      <Table<CallRecord>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        data-testid="callcenter-records"
        columns={[
          {
            key: 'at',
            title: t('callcenter.record.offeredAt'),
            render: (_, r) => dayjs(r.offeredAt).format('YYYY-MM-DD HH:mm:ss'),
          },
          { key: 'caller', title: t('callcenter.record.caller'), render: (_, r) => r.callerNumber ?? '—' },
          { key: 'queue', title: t('callcenter.record.queue'), render: (_, r) => r.queue ?? '—' },
          { key: 'agent', title: t('callcenter.record.agent'), render: (_, r) => r.agentName ?? '—' },
          {
            key: 'outcome',
            title: t('callcenter.record.outcome'),
            render: (_, r) => (
              <Tag color={r.outcome === 'answered' ? 'blue' : 'orange'}>
                {t(`callcenter.outcome.${r.outcome}`)}
              </Tag>
            ),
          },
          { key: 'wait', title: t('callcenter.record.wait'), dataIndex: 'waitSeconds', align: 'right' },
          { key: 'talk', title: t('callcenter.record.talk'), dataIndex: 'talkSeconds', align: 'right' },
          { key: 'acw', title: t('callcenter.record.acw'), dataIndex: 'acwSeconds', align: 'right' },
          { key: 'fcr', title: t('callcenter.record.fcr'), render: (_, r) => yesNo(r.resolvedFirstContact) },
          {
            key: 'src',
            title: t('callcenter.record.source'),
            render: (_, r) => `${r.source} / ${r.externalId}`,
          },
        ]}
      />
      <Flex gap={8} justify="flex-end">
        <Button
          icon={<LeftOutlined />}
          disabled={!cursors.length}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        />
        <Button
          icon={<RightOutlined />}
          disabled={!q.data?.nextCursor}
          onClick={() => q.data?.nextCursor && setCursors((c) => [...c, q.data!.nextCursor!])}
        />
      </Flex>
    </Flex>
  );
}
