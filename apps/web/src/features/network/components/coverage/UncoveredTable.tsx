import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoverageReport } from '@anxin/contracts';
import { STAGE_COLORS, type ProspectDraft } from './stages.ts';

/** Districts × categories without an outlet, with the prospects already being worked there. */
export function UncoveredTable({
  report,
  loading,
  canManage,
  catName,
  onNewProspect: setProspectOpen,
}: {
  report: CoverageReport | undefined;
  loading: boolean;
  canManage: boolean;
  catName: (code: string) => string;
  onNewProspect: (draft: ProspectDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('network.coverage.uncovered')} styles={{ body: { padding: 0 } }}>
      <Table<CoverageReport['uncovered'][number]>
        data-testid="coverage-uncovered"
        rowKey={(u) => `${u.districtCode}|${u.categoryCode}`}
        loading={loading}
        dataSource={report?.uncovered ?? []}
        locale={{ emptyText: t('network.coverage.uncoveredEmpty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            key: 'district',
            title: t('network.coverage.district'),
            render: (_, u) => u.regionName || u.districtCode,
          },
          {
            key: 'category',
            title: t('network.coverage.category'),
            render: (_, u) => catName(u.categoryCode),
          },
          {
            key: 'installed',
            title: t('network.coverage.installed'),
            dataIndex: 'installedProducts',
            align: 'right',
            width: 100,
          },
          {
            key: 'pipeline',
            title: t('network.coverage.pipelineBeside'),
            render: (_, u) =>
              u.prospects.length ? (
                <Space wrap>
                  {u.prospects.map((p) => (
                    <Tag key={p.id} color={STAGE_COLORS[p.stage]}>
                      {p.name} · {t(`network.stages.${p.stage}`)}
                    </Tag>
                  ))}
                </Space>
              ) : canManage ? (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setProspectOpen({
                      prospect: null,
                      regionCode: u.districtCode,
                      category: u.categoryCode,
                    })
                  }
                >
                  {t('network.coverage.newProspect')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('network.coverage.noPipeline')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
