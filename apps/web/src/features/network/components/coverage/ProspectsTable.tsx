import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PROSPECT_STAGES, type Prospect } from '@anxin/contracts';
import { STAGE_COLORS, type ProspectDraft } from './stages.ts';

/** The outlet pipeline: each prospect with its stage and the moves forward and back. */
export function ProspectsTable({
  prospects,
  loading,
  canManage,
  catName,
  onOpen: setProspectOpen,
  onForward: forward,
  onBack: setBackOf,
}: {
  prospects: Prospect[];
  loading: boolean;
  canManage: boolean;
  catName: (code: string) => string;
  onOpen: (draft: ProspectDraft) => void;
  onForward: (p: Prospect) => Promise<void>;
  onBack: (p: Prospect) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('network.coverage.pipeline')}
      styles={{ body: { padding: 0 } }}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setProspectOpen({ prospect: null })}
            data-testid="prospect-create"
          >
            {t('network.coverage.newProspect')}
          </Button>
        )
      }
    >
      <Table<Prospect>
        data-testid="prospects-table"
        rowKey="id"
        loading={loading}
        dataSource={prospects}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        onRow={(p) => ({ 'data-testid': `prospect-row-${p.name}` }) as object}
        columns={[
          {
            key: 'name',
            title: t('network.coverage.prospectName'),
            render: (_, p) =>
              canManage ? (
                <Typography.Link onClick={() => setProspectOpen({ prospect: p })}>{p.name}</Typography.Link>
              ) : (
                p.name
              ),
          },
          { key: 'region', title: t('network.coverage.prospectRegion'), render: (_, p) => p.regionName },
          {
            key: 'categories',
            title: t('network.coverage.category'),
            render: (_, p) => p.categories.map(catName).join('、') || '—',
          },
          {
            key: 'contact',
            title: t('network.coverage.contact'),
            render: (_, p) => [p.contactName, p.contactPhone].filter(Boolean).join(' ') || '—',
          },
          {
            key: 'stage',
            title: t('network.coverage.stage'),
            width: 110,
            render: (_, p) => (
              <Tag color={STAGE_COLORS[p.stage]} data-testid={`prospect-stage-${p.stage}`}>
                {t(`network.stages.${p.stage}`)}
              </Tag>
            ),
          },
          {
            key: 'actions',
            title: '',
            width: 210,
            fixed: 'right',
            render: (_, p) => {
              if (!canManage) return null;
              const next = PROSPECT_STAGES[PROSPECT_STAGES.indexOf(p.stage) + 1];
              return (
                <Space size={4}>
                  {next && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => void forward(p)}
                      data-testid={`prospect-forward-${p.name}`}
                    >
                      {t('network.coverage.next', { stage: t(`network.stages.${next}`) })}
                    </Button>
                  )}
                  {p.stage !== 'prospect' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setBackOf(p)}
                      data-testid={`prospect-back-${p.name}`}
                    >
                      {t('network.coverage.back')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
