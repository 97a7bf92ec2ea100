import { Descriptions, Drawer, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KnowledgeCase } from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCase, useCases } from '../api.ts';

export function CaseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const c = useCase(id).data;
  return (
    <Drawer open={!!id} onClose={onClose} width={520} title={c?.orderNo}>
      {c && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('knowledge.cases.fault')}>{c.fault}</Descriptions.Item>
          <Descriptions.Item label={t('knowledge.cases.diagnosis')}>{c.diagnosis || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('knowledge.cases.fix')}>{c.fix || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('knowledge.cases.parts')}>
            {c.parts.join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('knowledge.field.faultCodes')}>
            {c.faultCodes.map((f) => (
              <Tag key={f}>{f}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('knowledge.cases.closedAt')}>
            {c.closedAt.slice(0, 10)}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

/** Anonymised closed orders, newest first. */
export function CasesTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const q = useCases();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ProblemAlert error={q.error} />
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty description={t('knowledge.cases.empty')} /> }}
        onRow={(r: KnowledgeCase) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('knowledge.cases.order'), dataIndex: 'orderNo', width: 160, className: 'anxin-mono' },
          { title: t('knowledge.cases.fault'), dataIndex: 'fault', ellipsis: true },
          { title: t('knowledge.cases.fix'), dataIndex: 'fix', ellipsis: true },
          {
            title: t('knowledge.cases.closedAt'),
            dataIndex: 'closedAt',
            width: 110,
            render: (v: string) => v.slice(0, 10),
          },
        ]}
      />
      <LoadMore
        count={items.length}
        hasMore={!!q.hasNextPage}
        loading={q.isFetchingNextPage}
        onMore={() => void q.fetchNextPage()}
        testId="knowledge-cases"
      />
    </>
  );
}
